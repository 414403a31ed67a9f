package org.autocrm.routing.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCategoryChanged;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketCustomFieldChanged;
import org.autocrm.events.TicketEvent;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.events.TicketTagsChanged;
import org.autocrm.events.TicketUnassigned;
import org.autocrm.routing.rules.CausedBy;
import org.autocrm.routing.rules.TicketChange;
import org.autocrm.routing.rules.Trigger;
import org.autocrm.routing.tickets.TicketStreamEvent;

/**
 * Which change of a ticket an event is, for the rules: its {@link Trigger}, and which rules led to it.
 *
 * <ul>
 *   <li>created, status, priority, category, tags and custom field changes are their own triggers; an assignment and
 *       an unassignment are {@code assignment_changed}; a message from the customer is {@code customer_replied}, a
 *       public message from anyone else {@code agent_replied}. Other events (internal notes, attachments, edits of
 *       subject or description, links, merges, ratings, escalations, which ticket-service follows with an assignment
 *       event of their own) are no change rules run on.</li>
 *   <li>A change made by the automation principal names the rules that caused it in its reason
 *       ({@code rule:a,rule:b}, as {@link RunningRules} sends it): that chain keeps those rules from running on it
 *       again. Anything else (a person, an assignment strategy's {@code round_robin}, an SLA breach) caused it
 *       without a rule.</li>
 * </ul>
 */
public final class TicketChanges {

    static final String AUTOMATION = "automation";
    private static final String RULE_PREFIX = "rule:";

    private TicketChanges() {
    }

    /** The change, or empty for an event rules do not run on. */
    public static Optional<TicketChange> of(TicketStreamEvent event) {
        return trigger(event.payload())
                .map(trigger -> new TicketChange(event.eventId(), trigger, causedBy(event.by())));
    }

    static Optional<Trigger> trigger(TicketEvent payload) {
        Trigger trigger = null;
        if (payload instanceof TicketCreated) {
            trigger = Trigger.CREATED;
        } else if (payload instanceof TicketStatusChanged) {
            trigger = Trigger.STATUS_CHANGED;
        } else if (payload instanceof TicketPriorityChanged) {
            trigger = Trigger.PRIORITY_CHANGED;
        } else if (payload instanceof TicketCategoryChanged) {
            trigger = Trigger.CATEGORY_CHANGED;
        } else if (payload instanceof TicketTagsChanged) {
            trigger = Trigger.TAGS_CHANGED;
        } else if (payload instanceof TicketCustomFieldChanged) {
            trigger = Trigger.CUSTOM_FIELD_CHANGED;
        } else if (payload instanceof TicketAssigned || payload instanceof TicketUnassigned) {
            trigger = Trigger.ASSIGNMENT_CHANGED;
        } else if (payload instanceof TicketMessageAdded message) {
            if (message.by() != null && "customer".equals(message.by().role())) {
                trigger = Trigger.CUSTOMER_REPLIED;
            } else if ("public".equals(message.visibility())) {
                trigger = Trigger.AGENT_REPLIED;
            }
        }
        return Optional.ofNullable(trigger);
    }

    /** The rules named in an automation's reason, in their order; no rule for anyone else. */
    static CausedBy causedBy(Actor by) {
        if (by == null || !AUTOMATION.equals(by.role())) {
            return CausedBy.noRule();
        }
        return new CausedBy(ruleIds(by.reason()));
    }

    static List<String> ruleIds(String reason) {
        List<String> ids = new ArrayList<>();
        if (reason == null) {
            return ids;
        }
        for (String part : reason.split(",")) {
            String cause = part.strip();
            if (cause.startsWith(RULE_PREFIX) && cause.length() > RULE_PREFIX.length()
                    && !ids.contains(cause.substring(RULE_PREFIX.length()))) {
                ids.add(cause.substring(RULE_PREFIX.length()));
            }
        }
        return ids;
    }
}
