package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketEvent;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.routing.rules.TicketFacts;
import org.autocrm.routing.tickets.TicketReaction;
import org.autocrm.routing.tickets.TicketSnapshot;
import org.autocrm.routing.tickets.TicketStreamEvent;

/**
 * Plays the part of the ticket stream for assignment's tests: builds the contract's events and the snapshots before
 * and after each, as the stream listener hands them to the reactions, and keeps each ticket's latest snapshot.
 */
public class TicketStream {

    private static final Actor LEAD = new Actor("lead-1", "team_lead");

    private final String tenantId;
    private final Map<String, TicketSnapshot> tickets = new ConcurrentHashMap<>();

    public TicketStream(String tenantId) {
        this.tenantId = tenantId;
    }

    /** A new ticket, then its assignment to the group; the events to deliver, in order. */
    public Delivery createdInto(String ticketId, String groupId, String priority, String language, String... tags) {
        Instant at = Instant.now();
        TicketFacts created = TicketFacts.builder(ticketId).priority(priority).language(language).tags(tags)
                .createdAt(at, false).status(TicketStatus.NEW).build();
        TicketSnapshot first = snapshot(ticketId, created, 0);
        TicketEvent payload = new TicketCreated(ticketId, tenantId, 1, "Help", "Please", "cust-1", priority,
                TicketStatus.NEW, "email", language, null, java.util.List.of(tags), Map.of(), null, LEAD, at);
        TicketStreamEvent createdEvent = event(ticketId, 0, payload, at);
        tickets.put(ticketId, first);
        Delivery creation = new Delivery(createdEvent, null, first);
        return creation.then(assignedTo(ticketId, null, groupId));
    }

    /** The ticket assigned to an agent or a group (one of them null), as ticket-service records it. */
    public Delivery assignedTo(String ticketId, String agentId, String groupId) {
        TicketSnapshot before = tickets.get(ticketId);
        TicketFacts facts = with(before.facts(), before.facts().status(), agentId, groupId);
        Instant at = Instant.now();
        TicketEvent payload = new TicketAssigned(ticketId, tenantId, agentId, groupId,
                before.facts().assignedAgentId(), before.facts().assignedGroupId(), LEAD, at);
        return next(before, facts, payload, at);
    }

    public Delivery statusChanged(String ticketId, TicketStatus to) {
        TicketSnapshot before = tickets.get(ticketId);
        TicketFacts facts = with(before.facts(), to, before.facts().assignedAgentId(),
                before.facts().assignedGroupId());
        Instant at = Instant.now();
        TicketEvent payload = new TicketStatusChanged(ticketId, tenantId, before.facts().status(), to, null, "manual",
                null, LEAD, at);
        return next(before, facts, payload, at);
    }

    public TicketSnapshot current(String ticketId) {
        return tickets.get(ticketId);
    }

    private Delivery next(TicketSnapshot before, TicketFacts facts, TicketEvent payload, Instant at) {
        TicketSnapshot after = snapshot(before.ticketId(), facts, before.sequence() + 1);
        tickets.put(before.ticketId(), after);
        return new Delivery(event(before.ticketId(), after.sequence(), payload, at), before, after);
    }

    private TicketStreamEvent event(String ticketId, long sequence, TicketEvent payload, Instant at) {
        return new TicketStreamEvent(UUID.randomUUID().toString(), "autocrm.ticket.test.v1", at, tenantId, ticketId,
                sequence, payload, LEAD);
    }

    private TicketSnapshot snapshot(String ticketId, TicketFacts facts, long sequence) {
        return new TicketSnapshot(tenantId, ticketId, "cust-1", facts, null, facts.createdAt(), null, null, sequence);
    }

    private static TicketFacts with(TicketFacts facts, TicketStatus status, String agentId, String groupId) {
        return new TicketFacts(facts.ticketId(), facts.channel(), facts.priority(), facts.categoryId(), facts.tags(),
                facts.customFields(), facts.language(), facts.subject(), facts.description(), facts.customerCompany(),
                facts.customerTier(), facts.createdAt(), facts.createdWithinBusinessHours(), status, agentId, groupId);
    }

    /** One or more events with the snapshots around each, to hand to a reaction in order. */
    public record Delivery(TicketStreamEvent event, TicketSnapshot before, TicketSnapshot after, Delivery previous) {

        Delivery(TicketStreamEvent event, TicketSnapshot before, TicketSnapshot after) {
            this(event, before, after, null);
        }

        Delivery then(Delivery next) {
            return new Delivery(next.event, next.before, next.after, this);
        }

        /** Hands every event of this delivery to the reaction, oldest first. */
        public void to(TicketReaction reaction) {
            if (previous != null) {
                previous.to(reaction);
            }
            reaction.react(event, before, after);
        }
    }
}
