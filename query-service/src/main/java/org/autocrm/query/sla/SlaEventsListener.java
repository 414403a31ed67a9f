package org.autocrm.query.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.query.projection.ListenerBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds routing-service's SLA topic into the SLA projection with its own consumer group, a whole poll at a time;
 * offsets are committed only after the write (see {@code projection.ProjectionConsumption}).
 */
@Component
class SlaEventsListener {

    private final SlaProjection projection;
    private final ObjectMapper json;

    SlaEventsListener(SlaProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(id = SlaProjectionDeclaration.LISTENER, topics = EventStreams.SLA, batch = "true",
            properties = "max.poll.records=${autocrm.query.projections.batch-size:2000}",
            groupId = "${autocrm.query.sla.consumer-group:query-service.sla}")
    void on(List<ConsumerRecord<String, String>> records) {
        ListenerBatches.apply(records, json, projection::applyAll);
    }
}
