package org.autocrm.ticket.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.events.Actor;
import org.autocrm.events.EventTypes;
import org.autocrm.events.MergedMessage;
import org.autocrm.events.PublishedEvent;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketCustomFieldChanged;
import org.autocrm.events.TicketMergeReceived;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketUnassigned;
import org.autocrm.ticket.ticket.TicketConfiguration;
import org.autocrm.ticket.ticket.Visibility;
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
    private final TicketConfiguration configuration;

    TicketHistory(EventStore eventStore, TicketConfiguration configuration) {
        this.eventStore = eventStore;
        this.configuration = configuration;
    }

    /** One entry of a ticket's history. */
    public record Entry(long sequence, String type, Instant at, Actor by, Object data) {
    }

    /** TicketHistoryQuery: every event of the ticket in order, or empty if the caller may not see it. */
    public Optional<List<Entry>> of(String ticketId, Caller caller) {
        List<DomainEventMessage<?>> events = eventsVisibleTo(ticketId, caller);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        boolean customer = isCustomer(caller);
        Set<String> agentOnlyFields = customer ? agentOnlyFields(caller.tenantId()) : Set.of();
        Set<String> hidden = hiddenVisibilities(caller);
        List<Entry> entries = new ArrayList<>();
        for (DomainEventMessage<?> message : events) {
            PublishedEvent event = (PublishedEvent) message.getPayload();
            if (customer && !isPublic(event, agentOnlyFields)
                    || event instanceof TicketMessageAdded added && hidden.contains(added.visibility())) {
                continue;
            }
            entries.add(new Entry(message.getSequenceNumber(), EventTypes.typeOf(event.getClass()), event.at(),
                    event.by(), customer ? publicPartOf(event, agentOnlyFields) : withoutHiddenMessages(event, hidden)));
        }
        return Optional.of(entries);
    }

    /** TicketAsOfQuery: the ticket rebuilt from the events that had happened by {@code asOf}. */
    public Optional<TicketAsOf> asOf(String ticketId, Instant asOf, Caller caller) {
        TicketReplay replay = new TicketReplay();
        for (DomainEventMessage<?> message : eventsVisibleTo(ticketId, caller)) {
            if (message.getTimestamp().isAfter(asOf)) {
                break;
            }
            replay.apply((PublishedEvent) message.getPayload(), message.getSequenceNumber());
        }
        if (replay.isEmpty()) {
            return Optional.empty();
        }
        boolean customer = isCustomer(caller);
        return Optional.of(replay.result(asOf, hiddenVisibilities(caller),
                customer ? agentOnlyFields(caller.tenantId()) : Set.of()));
    }

    private List<DomainEventMessage<?>> eventsVisibleTo(String ticketId, Caller caller) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(ticketId).asStream().forEach(events::add);
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof TicketCreated created)) {
            return List.of();
        }
        return created.tenantId().equals(caller.tenantId()) && mayWorkOn(created, events, caller) ? events : List.of();
    }

    /**
     * The same visibility as everywhere (docs/permissions.md): a customer sees their own tickets; an
     * agent those assigned to them, to one of their groups or to nobody; everyone else of the
     * tenant sees all. Judged by the ticket's assignment now, not at an {@code asOf} moment.
     */
    private static boolean mayWorkOn(TicketCreated created, List<DomainEventMessage<?>> events, Caller caller) {
        if (isCustomer(caller)) {
            return created.customerId().equals(caller.userId());
        }
        if (!caller.is(Role.AGENT)) {
            return true;
        }
        String agentId = null;
        String groupId = null;
        for (DomainEventMessage<?> message : events) {
            if (message.getPayload() instanceof TicketAssigned assigned) {
                agentId = assigned.agentId();
                groupId = assigned.groupId();
            } else if (message.getPayload() instanceof TicketUnassigned) {
                agentId = null;
                groupId = null;
            }
        }
        return caller.userId().equals(agentId) || groupId != null && caller.groups().contains(groupId)
                || agentId == null && groupId == null;
    }

    /** Customers read public messages only; admin-only notes are for admins (docs/permissions.md). */
    private static Set<String> hiddenVisibilities(Caller caller) {
        if (isCustomer(caller)) {
            return Set.of(Visibility.INTERNAL.wireName(), Visibility.ADMIN_ONLY.wireName());
        }
        return caller.is(Role.ADMIN) ? Set.of() : Set.of(Visibility.ADMIN_ONLY.wireName());
    }

    /** A merge brings the other ticket's notes along; keep only those the reader may see. */
    private static Object withoutHiddenMessages(PublishedEvent event, Set<String> hidden) {
        if (hidden.isEmpty() || !(event instanceof TicketMergeReceived merge)) {
            return event;
        }
        return new TicketMergeReceived(merge.ticketId(), merge.tenantId(), merge.sourceTicketId(),
                merge.sourceNumber(), merge.messages().stream().filter(m -> !hidden.contains(m.visibility())).toList(),
                merge.attachmentIds(), merge.by(), merge.at());
    }

    private static boolean isCustomer(Caller caller) {
        return caller.isCustomer();
    }

    private static boolean isPublic(PublishedEvent event, Set<String> agentOnlyFields) {
        if (event instanceof TicketCustomFieldChanged change) {
            return !agentOnlyFields.contains(change.key());
        }
        return !(event instanceof TicketMessageAdded message) || Visibility.PUBLIC.wireName().equals(message.visibility());
    }

    /** Custom fields the tenant shows to agents only. */
    private Set<String> agentOnlyFields(String tenantId) {
        return configuration.customFields(tenantId).values().stream()
                .filter(definition -> !definition.visibleToCustomers())
                .map(TicketConfiguration.CustomFieldDefinition::key)
                .collect(Collectors.toSet());
    }

    /** A merge brings the other ticket's internal notes along; a customer sees only its public replies. */
    private static Object publicPartOf(PublishedEvent event, Set<String> agentOnlyFields) {
        if (event instanceof TicketCreated created && !agentOnlyFields.isEmpty()) {
            Map<String, Object> visible = new LinkedHashMap<>(created.customFields());
            visible.keySet().removeAll(agentOnlyFields);
            return new TicketCreated(created.ticketId(), created.tenantId(), created.number(), created.subject(),
                    created.description(), created.customerId(), created.priority(), created.status(),
                    created.channel(), created.language(), created.categoryId(), created.tags(), visible,
                    created.followUpOf(), created.by(), created.at());
        }
        if (event instanceof TicketMergeReceived merge) {
            List<MergedMessage> publicMessages = merge.messages().stream()
                    .filter(message -> Visibility.PUBLIC.wireName().equals(message.visibility())).toList();
            return new TicketMergeReceived(merge.ticketId(), merge.tenantId(), merge.sourceTicketId(),
                    merge.sourceNumber(), publicMessages, merge.attachmentIds(), merge.by(), merge.at());
        }
        return event;
    }
}
