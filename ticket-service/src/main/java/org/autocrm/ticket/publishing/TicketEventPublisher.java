package org.autocrm.ticket.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.autocrm.events.EventEnvelope;
import org.autocrm.events.PublishedEvent;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event (tickets, customers, configuration) to Kafka, at least once and in
 * order per aggregate.
 *
 * <p>It runs in a tracking processor that reads the event store, so an event is published only
 * after it is stored. Each publish waits for Kafka's acknowledgement; if Kafka does not
 * acknowledge, the handler fails, the processor keeps its position (the token in PostgreSQL) and
 * retries the same event later. A retried event keeps its id, so consumers can drop duplicates.
 */
@Component
@ProcessingGroup(TicketEventPublisher.PROCESSING_GROUP)
class TicketEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final PublishingProperties properties;

    TicketEventPublisher(KafkaTemplate<String, String> kafka, ObjectMapper json, PublishingProperties properties) {
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
    }

    @EventHandler
    void on(PublishedEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequence,
            @Timestamp Instant time) throws JsonProcessingException, InterruptedException, ExecutionException,
            TimeoutException {
        EventTypes.Registration registration = EventTypes.of(event.getClass());
        String type = registration.type();
        EventEnvelope<PublishedEvent> envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION, eventId, type,
                EventStreams.TICKET_SERVICE_SOURCE, time, event.aggregateId(), event.tenantId(), sequence,
                EventEnvelope.CONTENT_TYPE, event);

        ProducerRecord<String, String> record = new ProducerRecord<>(registration.topic(), event.aggregateId(),
                json.writeValueAsString(envelope));
        record.headers().add(EventStreams.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventStreams.ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));

        kafka.send(record).get(properties.acknowledgeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
