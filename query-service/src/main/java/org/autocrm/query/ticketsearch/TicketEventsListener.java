package org.autocrm.query.ticketsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.query.projection.ListenerBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the ticket topic into the projection, a whole poll at a time. Offsets are committed only after the
 * projection has written, so a restart resumes where it stopped; a failing write is retried (see
 * {@code projection.ProjectionConsumption}) instead of skipped, from the first event not applied.
 */
@Component
class TicketEventsListener {

    private final TicketProjection projection;
    private final ObjectMapper json;

    TicketEventsListener(TicketProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(id = TicketSearchProjection.LISTENER, topics = EventStreams.TICKETS, batch = "true",
            properties = "max.poll.records=${autocrm.query.projections.batch-size:2000}",
            groupId = "${autocrm.query.consumer-group:query-service}")
    void on(List<ConsumerRecord<String, String>> records) {
        ListenerBatches.apply(records, json, envelopes -> projection.applyAll(envelopes, TicketIndex.ALIAS));
    }
}
