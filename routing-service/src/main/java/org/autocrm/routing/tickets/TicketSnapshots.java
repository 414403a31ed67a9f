package org.autocrm.routing.tickets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCategoryChanged;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketCustomFieldChanged;
import org.autocrm.events.TicketDetailsChanged;
import org.autocrm.events.TicketEvent;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.events.TicketTagsChanged;
import org.autocrm.events.TicketUnassigned;
import org.autocrm.routing.rules.TicketFacts;

/**
 * How a ticket's snapshot follows its events: everything in it comes from the events themselves (the creation event
 * carries channel, priority, category, tags, custom fields, language, subject and description) plus the customer's
 * company and tier as last seen on the customer stream. Events that change nothing a reaction looks at (attachments,
 * links, ratings, an escalation, which ticket-service follows with its own assignment event) only move the sequence.
 */
public final class TicketSnapshots {

    private TicketSnapshots() {
    }

    /**
     * The ticket as its creation event describes it.
     *
     * @param customer                   the customer's profile when known
     * @param createdWithinBusinessHours decided by the tenant's business calendar
     */
    public static TicketSnapshot created(TicketStreamEvent event, CustomerProfile customer,
                                         boolean createdWithinBusinessHours) {
        if (!(event.payload() instanceof TicketCreated created)) {
            throw new IllegalArgumentException("Not a creation: " + event.type());
        }
        Draft draft = new Draft(event.ticketId());
        draft.channel = created.channel();
        draft.priority = created.priority();
        draft.categoryId = created.categoryId();
        if (created.tags() != null) {
            draft.tags.addAll(created.tags());
        }
        if (created.customFields() != null) {
            draft.customFields.putAll(created.customFields());
        }
        draft.language = created.language();
        draft.subject = created.subject();
        draft.description = created.description();
        draft.createdAt = created.at() == null ? event.time() : created.at();
        draft.createdWithinBusinessHours = createdWithinBusinessHours;
        draft.status = created.status() == null ? TicketStatus.NEW : created.status();
        draft.customer(customer);
        Instant at = draft.createdAt;
        // the description of a ticket the customer opened is their first message
        Instant customerMessage = isCustomer(event.by()) ? at : null;
        return new TicketSnapshot(event.tenantId(), event.ticketId(), created.customerId(), draft.facts(), null, at,
                customerMessage, null, event.sequence());
    }

    /** The ticket after {@code event}, which comes after {@code before}'s. */
    public static TicketSnapshot next(TicketSnapshot before, TicketStreamEvent event, CustomerProfile customer) {
        Draft draft = Draft.of(before.facts());
        draft.customer(customer);
        String statusLabel = before.statusLabel();
        Instant statusChangedAt = before.statusChangedAt();
        Instant lastCustomerMessageAt = before.lastCustomerMessageAt();
        Instant lastAgentReplyAt = before.lastAgentReplyAt();
        Instant at = event.payload().at() == null ? event.time() : event.payload().at();
        TicketEvent payload = event.payload();
        if (payload instanceof TicketDetailsChanged details) {
            draft.subject = details.subject();
            draft.description = details.description();
        } else if (payload instanceof TicketStatusChanged status) {
            draft.status = status.to();
            statusLabel = status.statusLabel();
            statusChangedAt = at;
        } else if (payload instanceof TicketPriorityChanged priority) {
            draft.priority = priority.to();
        } else if (payload instanceof TicketCategoryChanged category) {
            draft.categoryId = category.to();
        } else if (payload instanceof TicketTagsChanged tags) {
            draft.tags.clear();
            if (tags.tags() != null) {
                draft.tags.addAll(tags.tags());
            }
        } else if (payload instanceof TicketCustomFieldChanged field) {
            if (field.value() == null) {
                draft.customFields.remove(field.key());
            } else {
                draft.customFields.put(field.key(), field.value());
            }
        } else if (payload instanceof TicketAssigned assigned) {
            draft.agentId = assigned.agentId();
            draft.groupId = assigned.groupId();
        } else if (payload instanceof TicketUnassigned) {
            draft.agentId = null;
            draft.groupId = null;
        } else if (payload instanceof TicketMessageAdded message) {
            if (isCustomer(message.by())) {
                lastCustomerMessageAt = at;
            } else if ("public".equals(message.visibility())) {
                lastAgentReplyAt = at;
            }
        }
        return new TicketSnapshot(before.tenantId(), before.ticketId(), before.customerId(), draft.facts(), statusLabel,
                statusChangedAt, lastCustomerMessageAt, lastAgentReplyAt, event.sequence());
    }

    static boolean isCustomer(Actor by) {
        return by != null && "customer".equals(by.role());
    }

    /** The facts while an event is taken in. */
    private static final class Draft {
        private final String ticketId;
        private String channel;
        private String priority;
        private String categoryId;
        private final Set<String> tags = new LinkedHashSet<>();
        private final Map<String, Object> customFields = new LinkedHashMap<>();
        private String language;
        private String subject;
        private String description;
        private String customerCompany;
        private String customerTier;
        private Instant createdAt;
        private boolean createdWithinBusinessHours;
        private TicketStatus status;
        private String agentId;
        private String groupId;

        private Draft(String ticketId) {
            this.ticketId = ticketId;
        }

        static Draft of(TicketFacts facts) {
            Draft draft = new Draft(facts.ticketId());
            draft.channel = facts.channel();
            draft.priority = facts.priority();
            draft.categoryId = facts.categoryId();
            draft.tags.addAll(facts.tags());
            draft.customFields.putAll(facts.customFields());
            draft.language = facts.language();
            draft.subject = facts.subject();
            draft.description = facts.description();
            draft.customerCompany = facts.customerCompany();
            draft.customerTier = facts.customerTier();
            draft.createdAt = facts.createdAt();
            draft.createdWithinBusinessHours = facts.createdWithinBusinessHours();
            draft.status = facts.status();
            draft.agentId = facts.assignedAgentId();
            draft.groupId = facts.assignedGroupId();
            return draft;
        }

        /** The customer's profile as last seen; without one, what the ticket had stays. */
        void customer(CustomerProfile customer) {
            if (customer != null) {
                customerCompany = customer.company();
                customerTier = customer.tier();
            }
        }

        TicketFacts facts() {
            return new TicketFacts(ticketId, channel, priority, categoryId, tags, customFields, language, subject,
                    description, customerCompany, customerTier, createdAt, createdWithinBusinessHours, status, agentId,
                    groupId);
        }
    }
}
