package org.autocrm.query.customers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the customer topic into the customer projection, with its own consumer group. Offsets are
 * committed only after the write; a failing write is retried by the service's error handler.
 */
@Component
class CustomerEventsListener {

    private final CustomerProjection projection;
    private final ObjectMapper json;

    CustomerEventsListener(CustomerProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(id = "customers", topics = EventStreams.CUSTOMERS,
            groupId = "${autocrm.query.customers.consumer-group:query-service.customers}")
    void on(ConsumerRecord<String, String> record) throws IOException {
        projection.apply(json.readTree(record.value()));
    }
}
