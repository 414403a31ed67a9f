package org.autocrm.routing.tickets.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.CustomerCreated;
import org.autocrm.events.CustomerUpdated;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.PublishedEvent;
import org.autocrm.events.TicketEvent;
import org.autocrm.routing.infrastructure.EventConsumption;
import org.autocrm.routing.tickets.CustomerProfile;
import org.autocrm.routing.tickets.FollowingTickets;
import org.autocrm.routing.tickets.TicketStreamEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code autocrm.tickets.v1} and {@code autocrm.customers.v1} as consumer group {@code routing-service}, one
 * record at a time, and hands each event to {@link FollowingTickets}. Envelopes are read with the contract's
 * {@link EventTypes}: a type this version does not know is skipped (the contract grows by new types), fields it does
 * not know are ignored. Offsets are committed only after an event was taken in and every reaction ran; a failure is
 * retried by {@link EventConsumption}'s error handler.
 */
@Component
class TicketEventsListener {

    static final String LISTENER = "routing-ticket-stream";
    private static final Logger log = LoggerFactory.getLogger(TicketEventsListener.class);

    private final FollowingTickets tickets;
    private final ObjectMapper json;

    TicketEventsListener(FollowingTickets tickets, ObjectMapper json) {
        this.tickets = tickets;
        this.json = json;
    }

    @KafkaListener(id = LISTENER, topics = {EventStreams.TICKETS, EventStreams.CUSTOMERS},
            groupId = "${autocrm.routing.tickets.consumer-group:routing-service}",
            containerFactory = EventConsumption.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, String> record) throws JsonProcessingException {
        JsonNode envelope = json.readTree(record.value());
        String type = envelope.path("type").asText();
        Optional<Class<? extends PublishedEvent>> payloadType = EventTypes.payloadOf(type);
        if (payloadType.isEmpty()) {
            log.debug("Skipping {}-{}@{}: type '{}' is not one this version knows", record.topic(), record.partition(),
                    record.offset(), type);
            return;
        }
        JsonNode data = envelope.path("data");
        PublishedEvent payload = json.treeToValue(data, payloadType.get());
        long sequence = envelope.path("sequence").asLong();
        if (payload instanceof TicketEvent ticketEvent) {
            TicketStreamEvent event = new TicketStreamEvent(envelope.path("id").asText(), type,
                    time(envelope, payload), tenant(envelope, payload), ticketEvent.ticketId(), sequence, ticketEvent,
                    ticketEvent.by());
            tickets.take(event);
        } else if (payload instanceof CustomerCreated created) {
            tickets.take(new CustomerProfile(tenant(envelope, payload), created.customerId(), created.company(),
                    created.tier(), sequence));
        } else if (payload instanceof CustomerUpdated updated) {
            tickets.take(new CustomerProfile(tenant(envelope, payload), updated.customerId(), updated.company(),
                    updated.tier(), sequence));
        }
    }

    private static String tenant(JsonNode envelope, PublishedEvent payload) {
        String tenant = envelope.path("tenantId").asText(null);
        return tenant == null ? payload.tenantId() : tenant;
    }

    private Instant time(JsonNode envelope, PublishedEvent payload) {
        JsonNode time = envelope.path("time");
        return time.isTextual() ? Instant.parse(time.asText()) : payload.at();
    }
}
