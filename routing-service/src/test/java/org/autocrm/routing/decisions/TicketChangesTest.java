package org.autocrm.routing.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketAttachmentAdded;
import org.autocrm.events.TicketCategoryChanged;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketCustomFieldChanged;
import org.autocrm.events.TicketDetailsChanged;
import org.autocrm.events.TicketEscalated;
import org.autocrm.events.TicketEvent;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.events.TicketTagsChanged;
import org.autocrm.events.TicketUnassigned;
import org.autocrm.routing.rules.Command;
import org.autocrm.routing.rules.TicketChange;
import org.autocrm.routing.rules.Trigger;
import org.autocrm.routing.tickets.TicketStreamEvent;
import org.junit.jupiter.api.Test;

/** Which change of a ticket each event is for the rules, and which rules caused it. */
class TicketChangesTest {

    private static final String T = "t-1";
    private static final String A = "acme";
    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");
    private static final Actor AGENT = new Actor("agent-7", "agent");
    private static final Actor CUSTOMER = new Actor("cust-1", "customer");

    @Test
    void eachKindOfChangeIsItsTrigger() {
        assertThat(trigger(new TicketCreated(T, A, 1, "s", "d", "cust-1", "low", TicketStatus.NEW, "email", null, null,
                List.of(), Map.of(), null, CUSTOMER, AT))).contains(Trigger.CREATED);
        assertThat(trigger(new TicketStatusChanged(T, A, TicketStatus.NEW, TicketStatus.OPEN, null, "manual", null,
                AGENT, AT))).contains(Trigger.STATUS_CHANGED);
        assertThat(trigger(new TicketPriorityChanged(T, A, "low", "high", AGENT, AT))).contains(Trigger.PRIORITY_CHANGED);
        assertThat(trigger(new TicketCategoryChanged(T, A, null, "c", AGENT, AT))).contains(Trigger.CATEGORY_CHANGED);
        assertThat(trigger(new TicketTagsChanged(T, A, List.of("x"), List.of(), List.of("x"), AGENT, AT)))
                .contains(Trigger.TAGS_CHANGED);
        assertThat(trigger(new TicketCustomFieldChanged(T, A, "k", null, 1, AGENT, AT)))
                .contains(Trigger.CUSTOM_FIELD_CHANGED);
        assertThat(trigger(new TicketAssigned(T, A, null, "g", null, null, AGENT, AT)))
                .contains(Trigger.ASSIGNMENT_CHANGED);
        assertThat(trigger(new TicketUnassigned(T, A, null, "g", AGENT, AT))).contains(Trigger.ASSIGNMENT_CHANGED);
    }

    @Test
    void aCustomersMessageIsAReplyOfTheCustomerAPublicOneOfStaffAnAgentReplyAnInternalNoteNeither() {
        assertThat(trigger(message(CUSTOMER, "public"))).contains(Trigger.CUSTOMER_REPLIED);
        assertThat(trigger(message(AGENT, "public"))).contains(Trigger.AGENT_REPLIED);
        assertThat(trigger(message(AGENT, "internal"))).isEmpty();
    }

    @Test
    void eventsRulesDoNotRunOnAreNoChange() {
        assertThat(trigger(new TicketDetailsChanged(T, A, "s", "d", AGENT, AT))).isEmpty();
        assertThat(trigger(new TicketEscalated(T, A, 1, "g", "sla", AGENT, AT))).isEmpty();
        assertThat(trigger(new TicketAttachmentAdded(T, A, "a", null, "f", "text/plain", 1, "x", AGENT, AT))).isEmpty();
    }

    @Test
    void aChangeAPersonMadeHasNoRuleInItsChainAndKeepsTheEventId() {
        TicketChange change = change(new TicketPriorityChanged(T, A, "low", "high", AGENT, AT), null).orElseThrow();

        assertThat(change.eventId()).isEqualTo("e-1");
        assertThat(change.causedBy().ruleIds()).isEmpty();
    }

    @Test
    void aChangeTheAutomationMadeForRulesNamesThemInOrderAndIgnoresOtherCauses() {
        Actor automation = new Actor("routing-service", "automation");
        TicketEvent tagged = new TicketTagsChanged(T, A, List.of("x"), List.of(), List.of("x"), automation, AT);

        assertThat(change(tagged, "rule:a,rule:b").orElseThrow().causedBy().ruleIds()).containsExactly("a", "b");
        assertThat(change(tagged, "round_robin").orElseThrow().causedBy().ruleIds()).isEmpty();
        assertThat(change(tagged, "sla_breach:p1, rule:c ,rule:").orElseThrow().causedBy().ruleIds())
                .containsExactly("c");
        assertThat(change(tagged, null).orElseThrow().causedBy().ruleIds()).isEmpty();
        assertThat(change(new TicketTagsChanged(T, A, List.of("x"), List.of(), List.of("x"), AGENT, AT), "rule:a")
                .orElseThrow().causedBy().ruleIds()).as("only the automation speaks for rules").isEmpty();
    }

    @Test
    void theReasonSentIsTheChainThenTheCommandsOwnRules() {
        TicketChange change = new TicketChange("e-1", Trigger.TAGS_CHANGED,
                new org.autocrm.routing.rules.CausedBy(List.of("a")));
        Command command = new Command("e-1:add_tags", new org.autocrm.routing.rules.Action.AddTags(List.of("x")),
                List.of("b", "c"));

        assertThat(RunningRules.reason(change, command)).isEqualTo("rule:a,rule:b,rule:c");
    }

    private static Optional<Trigger> trigger(TicketEvent payload) {
        return change(payload, null).map(TicketChange::trigger);
    }

    private static Optional<TicketChange> change(TicketEvent payload, String reason) {
        Actor by = reason == null ? payload.by() : new Actor(payload.by().userId(), payload.by().role(), reason);
        return TicketChanges.of(new TicketStreamEvent("e-1", "type", AT, A, T, 1, payload, by));
    }

    private static TicketMessageAdded message(Actor by, String visibility) {
        return new TicketMessageAdded(T, A, "m", "th", "internal".equals(visibility) ? "internal" : "external",
                visibility, "b", List.of(), List.of(), by, AT);
    }
}
