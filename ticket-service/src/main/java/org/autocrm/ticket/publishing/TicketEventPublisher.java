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
import org.autocrm.events.TicketEvent;
import org.autocrm.events.TicketEventStream;
import org.autocrm.events.TicketEventTypes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored ticket event to Kafka, at least once and in order per ticket.
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
    void on(TicketEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequence,
            @Timestamp Instant time) throws JsonProcessingException, InterruptedException, ExecutionException,
            TimeoutException {
        String type = TicketEventTypes.typeOf(event.getClass());
        EventEnvelope<TicketEvent> envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION, eventId, type,
                TicketEventStream.SOURCE, time, event.ticketId(), event.tenantId(), sequence,
                EventEnvelope.CONTENT_TYPE, event);

        ProducerRecord<String, String> record = new ProducerRecord<>(TicketEventStream.TOPIC, event.ticketId(),
                json.writeValueAsString(envelope));
        record.headers().add(TicketEventStream.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(TicketEventStream.ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));

        kafka.send(record).get(properties.acknowledgeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
