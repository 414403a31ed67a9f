package org.autocrm.query.customers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.query.projection.ListenerBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the customer topic into the customer projection, with its own consumer group, a whole poll at a time (so
 * the copies onto tickets are brought up to date once per poll). Offsets are committed only after the write; a
 * failing write is retried by the service's error handler from the first event not applied.
 */
@Component
class CustomerEventsListener {

    private final CustomerProjection projection;
    private final ObjectMapper json;

    CustomerEventsListener(CustomerProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(id = CustomerListProjection.LISTENER, topics = EventStreams.CUSTOMERS, batch = "true",
            groupId = "${autocrm.query.customers.consumer-group:query-service.customers}")
    void on(List<ConsumerRecord<String, String>> records) {
        ListenerBatches.apply(records, json, projection::applyAll);
    }
}
