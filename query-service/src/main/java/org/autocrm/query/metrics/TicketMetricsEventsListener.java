package org.autocrm.query.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.query.projection.ListenerBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the ticket topic into the metrics projection with its own consumer group, so it keeps
 * its own position and can be replayed without touching ticket search; a whole poll at a time.
 * Offsets are committed only after the write; a failing write is retried by the service's error
 * handler from the first event not applied.
 */
@Component
class TicketMetricsEventsListener {

    private final TicketMetricsProjection projection;
    private final ObjectMapper json;

    TicketMetricsEventsListener(TicketMetricsProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(id = MetricsProjection.LISTENER, topics = EventStreams.TICKETS, batch = "true",
            properties = "max.poll.records=${autocrm.query.projections.batch-size:2000}",
            groupId = "${autocrm.query.metrics.consumer-group:query-service.metrics}")
    void on(List<ConsumerRecord<String, String>> records) {
        ListenerBatches.apply(records, json, envelopes -> projection.applyAll(envelopes, MetricsIndex.ALIAS));
    }
}
