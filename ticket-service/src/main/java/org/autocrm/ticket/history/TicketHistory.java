package org.autocrm.ticket.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.autocrm.events.Actor;
import org.autocrm.events.EventTypes;
import org.autocrm.events.MergedMessage;
import org.autocrm.events.PublishedEvent;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketMergeReceived;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.ticket.identity.RequestingUser;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Answers questions about a ticket's past from its events in the event store (never from a
 * projection): the full record of who did what when, and the ticket as it was at a moment.
 */
@Component
public class TicketHistory {

    private final EventStore eventStore;

    TicketHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** One entry of a ticket's history. */
    public record Entry(long sequence, String type, Instant at, Actor by, Object data) {
    }

    /** TicketHistoryQuery: every event of the ticket in order, or empty if the caller may not see it. */
    public Optional<List<Entry>> of(String ticketId, RequestingUser caller) {
        List<DomainEventMessage<?>> events = eventsVisibleTo(ticketId, caller);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        boolean customer = isCustomer(caller);
        List<Entry> entries = new ArrayList<>();
        for (DomainEventMessage<?> message : events) {
            PublishedEvent event = (PublishedEvent) message.getPayload();
            if (customer && !isPublic(event)) {
                continue;
            }
            entries.add(new Entry(message.getSequenceNumber(), EventTypes.typeOf(event.getClass()), event.at(),
                    event.by(), customer ? publicPartOf(event) : event));
        }
        return Optional.of(entries);
    }

    /** TicketAsOfQuery: the ticket rebuilt from the events that had happened by {@code asOf}. */
    public Optional<TicketAsOf> asOf(String ticketId, Instant asOf, RequestingUser caller) {
        TicketReplay replay = new TicketReplay();
        for (DomainEventMessage<?> message : eventsVisibleTo(ticketId, caller)) {
            if (message.getTimestamp().isAfter(asOf)) {
                break;
            }
            replay.apply((PublishedEvent) message.getPayload(), message.getSequenceNumber());
        }
        return replay.isEmpty() ? Optional.empty() : Optional.of(replay.result(asOf, isCustomer(caller)));
    }

    private List<DomainEventMessage<?>> eventsVisibleTo(String ticketId, RequestingUser caller) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(ticketId).asStream().forEach(events::add);
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof TicketCreated created)) {
            return List.of();
        }
        boolean sameTenant = created.tenantId().equals(caller.tenantId());
        boolean customerOfIt = !isCustomer(caller) || created.customerId().equals(caller.userId());
        return sameTenant && customerOfIt ? events : List.of();
    }

    private static boolean isCustomer(RequestingUser caller) {
        return "customer".equals(caller.role());
    }

    private static boolean isPublic(PublishedEvent event) {
        return !(event instanceof TicketMessageAdded message) || "public".equals(message.visibility());
    }

    /** A merge brings the other ticket's internal notes along; a customer sees only its public replies. */
    private static Object publicPartOf(PublishedEvent event) {
        if (event instanceof TicketMergeReceived merge) {
            List<MergedMessage> publicMessages = merge.messages().stream()
                    .filter(message -> "public".equals(message.visibility())).toList();
            return new TicketMergeReceived(merge.ticketId(), merge.tenantId(), merge.sourceTicketId(),
                    merge.sourceNumber(), publicMessages, merge.attachmentIds(), merge.by(), merge.at());
        }
        return event;
    }
}
