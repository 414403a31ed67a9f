package org.autocrm.query.ticketsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the ticket topic into the projection. Offsets are committed only after the projection
 * has written, so a restart resumes where it stopped; a failing write is retried (see
 * {@code projection.ProjectionConsumption}) instead of skipped.
 */
@Component
class TicketEventsListener {

    private final TicketProjection projection;
    private final ObjectMapper json;

    TicketEventsListener(TicketProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(id = TicketSearchProjection.LISTENER, topics = EventStreams.TICKETS, groupId = "${autocrm.query.consumer-group:query-service}")
    void on(ConsumerRecord<String, String> record) throws IOException {
        JsonNode envelope = json.readTree(record.value());
        projection.apply(envelope);
    }
}
