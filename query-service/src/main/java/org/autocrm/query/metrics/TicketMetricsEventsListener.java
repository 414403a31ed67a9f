package org.autocrm.query.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the ticket topic into the metrics projection with its own consumer group, so it keeps
 * its own position and can be replayed without touching ticket search. Offsets are committed
 * only after the write; a failing write is retried by the service's error handler.
 */
@Component
class TicketMetricsEventsListener {

    private final TicketMetricsProjection projection;
    private final ObjectMapper json;

    TicketMetricsEventsListener(TicketMetricsProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(id = MetricsProjection.LISTENER, topics = EventStreams.TICKETS,
            groupId = "${autocrm.query.metrics.consumer-group:query-service.metrics}")
    void on(ConsumerRecord<String, String> record) throws IOException {
        projection.apply(json.readTree(record.value()));
    }
}
