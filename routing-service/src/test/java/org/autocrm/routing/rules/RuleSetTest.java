package org.autocrm.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.autocrm.routing.rules.Admin.addTags;
import static org.autocrm.routing.rules.Admin.assignAgent;
import static org.autocrm.routing.rules.Admin.assignGroup;
import static org.autocrm.routing.rules.Admin.onCreation;
import static org.autocrm.routing.rules.Admin.removeTags;
import static org.autocrm.routing.rules.Admin.rule;
import static org.autocrm.routing.rules.Admin.runMacro;
import static org.autocrm.routing.rules.Admin.setPriority;
import static org.autocrm.routing.rules.Admin.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.autocrm.routing.rules.RuleOutcome.Verdict;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T09:15:00Z");

    private static final Rule GOLD_EMAIL_TO_PREMIUM = onCreation("gold-email", 10,
            List.of(when("channel", "is", "email"), when("customer.tier", "is", "gold")),
            assignGroup("premium-support"), addTags("gold"));

    private static TicketFacts.Builder ticket() {
        return TicketFacts.builder("t-1042").createdAt(MONDAY_MORNING, true).priority("normal");
    }

    private static TicketChange created(String eventId) {
        return TicketChange.byPerson(eventId, Trigger.CREATED);
    }

    @Test
    void sendsEmailTicketsFromGoldCustomersToTheirGroup() {
        RuleSet rules = new RuleSet(List.of(GOLD_EMAIL_TO_PREMIUM));

        Decision gold = rules.evaluate(created("e1"), ticket().channel("email").customer("Acme", "gold").build());
        Decision silver = rules.evaluate(created("e2"), ticket().channel("email").customer("Bolt", "silver").build());
        Decision portal = rules.evaluate(created("e3"), ticket().channel("portal").customer("Acme", "gold").build());

        assertThat(gold.matchedRuleIds()).containsExactly("gold-email");
        assertThat(gold.commands()).extracting(Command::action).containsExactly(
                new Action.AssignToGroup("premium-support"), new Action.AddTags(List.of("gold")));
        assertThat(gold.commands()).extracting(Command::reason).containsOnly("rule:gold-email");
        assertThat(silver.commands()).isEmpty();
        assertThat(portal.commands()).isEmpty();
    }

    @Test
    void matchesTierAndChannelIgnoringCase() {
        Decision decision = new RuleSet(List.of(GOLD_EMAIL_TO_PREMIUM))
                .evaluate(created("e1"), ticket().channel("EMAIL").customer("Acme", "Gold").build());

        assertThat(decision.matchedRuleIds()).containsExactly("gold-email");
    }

    @Test
    void runsRulesByPositionThenIdAndTheFirstAssignmentWins() {
        Rule catchAll = onCreation("z-catch-all", 100, List.of(), assignGroup("first-line"));
        Rule billingB = onCreation("b-billing", 20, List.of(when("subject", "contains", "invoice")),
                assignGroup("billing"));
        Rule billingA = onCreation("a-billing", 20, List.of(when("subject", "contains", "invoice")),
                assignAgent("agent-anna"));

        Decision decision = new RuleSet(List.of(catchAll, billingB, GOLD_EMAIL_TO_PREMIUM, billingA))
                .evaluate(created("e1"), ticket().channel("portal").subject("Invoice 2026-03 is wrong").build());

        assertThat(decision.rules()).extracting(RuleOutcome::ruleId)
                .containsExactly("gold-email", "a-billing", "b-billing", "z-catch-all");
        assertThat(decision.matchedRuleIds()).containsExactly("a-billing", "b-billing", "z-catch-all");
        assertThat(decision.commands()).singleElement().satisfies(command -> {
            assertThat(command.action()).isEqualTo(new Action.AssignToAgent("agent-anna"));
            assertThat(command.reason()).isEqualTo("rule:a-billing");
        });
        assertThat(decision.setAside()).containsExactly(
                new SetAside("b-billing", new Action.AssignToGroup("billing"), "a-billing"),
                new SetAside("z-catch-all", new Action.AssignToGroup("first-line"), "a-billing"));
    }

    @Test
    void tagsFromSeveralRulesAccumulateAndTheEarlierRuleDecidesATagBothAddAndRemove() {
        Rule first = onCreation("r1", 1, List.of(), addTags("billing", "Needs-Triage"), setPriority("high"));
        Rule second = onCreation("r2", 2, List.of(), addTags("eu", "billing"), removeTags("needs-triage", "spam"),
                setPriority("low"));

        Decision decision = new RuleSet(List.of(second, first)).evaluate(created("e7"), ticket().build());

        assertThat(decision.commands()).containsExactly(
                new Command("e7:add_tags", new Action.AddTags(List.of("billing", "needs-triage", "eu")),
                        List.of("r1", "r2")),
                new Command("e7:set_priority", new Action.SetPriority("high"), List.of("r1")),
                new Command("e7:remove_tags", new Action.RemoveTags(List.of("spam")), List.of("r2")));
        assertThat(decision.setAside()).containsExactly(
                new SetAside("r2", new Action.RemoveTags(List.of("needs-triage")), "r1"),
                new SetAside("r2", new Action.SetPriority("low"), "r1"));
        assertThat(decision.commands().get(0).reason()).isEqualTo("rule:r1,rule:r2");
    }

    @Test
    void givesEachCommandAnIdempotencyKeyFromTheEventThatStaysTheSameOnRedelivery() {
        Rule macros = onCreation("welcome", 1, List.of(), runMacro("greeting"), runMacro("survey"),
                assignGroup("first-line"));
        Rule again = onCreation("welcome-again", 2, List.of(), runMacro("greeting"));
        RuleSet rules = new RuleSet(List.of(macros, again));
        TicketFacts facts = ticket().build();

        Decision first = rules.evaluate(created("evt-42"), facts);
        Decision redelivered = rules.evaluate(created("evt-42"), facts);
        Decision nextEvent = rules.evaluate(created("evt-43"), facts);

        assertThat(first.commands()).extracting(Command::idempotencyKey)
                .containsExactly("evt-42:run_macro:greeting", "evt-42:run_macro:survey", "evt-42:assign_group");
        assertThat(redelivered).isEqualTo(first);
        assertThat(nextEvent.commands()).extracting(Command::idempotencyKey)
                .containsExactly("evt-43:run_macro:greeting", "evt-43:run_macro:survey", "evt-43:assign_group");
        assertThat(first.setAside()).containsExactly(
                new SetAside("welcome-again", new Action.RunMacro("greeting"), "welcome"));
    }

    @Test
    void runsOnlyTheRulesThatNameTheChangeAndAreActive() {
        Rule onPriority = rule("urgent-to-leads", 1, List.of("priority_changed"),
                List.of(when("priority", "is", "urgent")), assignGroup("team-leads"));
        Rule onReply = rule("reply-reopens", 2, List.of("customer_replied", "created"),
                List.of(when("priority", "is", "urgent")), addTags("customer-waiting"));
        Rule switchedOff = new Rule("off", "switched off", 3, false, Set.of(Trigger.PRIORITY_CHANGED),
                onPriority.conditions(), List.of(new Action.AddTags(List.of("never"))));
        RuleSet rules = new RuleSet(List.of(onPriority, onReply, switchedOff));

        Decision decision = rules.evaluate(TicketChange.byPerson("e9", Trigger.PRIORITY_CHANGED),
                ticket().priority("urgent").build());

        assertThat(decision.rules()).extracting(RuleOutcome::ruleId, RuleOutcome::verdict).containsExactly(
                tuple("urgent-to-leads", Verdict.MATCHED),
                tuple("reply-reopens", Verdict.NOT_TRIGGERED),
                tuple("off", Verdict.INACTIVE));
        assertThat(decision.commands()).extracting(Command::action)
                .containsExactly(new Action.AssignToGroup("team-leads"));
    }

    @Test
    void saysWhichConditionFailedForTheRulesThatDidNotMatch() {
        Decision decision = new RuleSet(List.of(GOLD_EMAIL_TO_PREMIUM))
                .evaluate(created("e1"), ticket().channel("email").customer("Bolt", "silver").build());

        RuleOutcome outcome = decision.rules().get(0);
        assertThat(outcome.verdict()).isEqualTo(Verdict.NOT_MATCHED);
        assertThat(outcome.failedCondition()).get().extracting(ConditionCheck::explain)
                .isEqualTo("conditions[1]: customer.tier is \"gold\" — failed, ticket has \"silver\"");
    }

    @Test
    void aRuleDoesNotRunAgainOnTheChangeItsOwnActionMade() {
        Rule escalate = rule("escalate-urgent", 1, List.of("priority_changed"),
                List.of(when("priority", "is", "urgent")), addTags("escalated"), setPriority("urgent"));
        Rule tagVip = rule("tag-urgent", 2, List.of("priority_changed"),
                List.of(when("priority", "is", "urgent")), addTags("look-now"));
        RuleSet rules = new RuleSet(List.of(escalate, tagVip));
        TicketFacts urgent = ticket().priority("urgent").build();

        Decision byPerson = rules.evaluate(TicketChange.byPerson("e1", Trigger.PRIORITY_CHANGED), urgent);
        Decision byOwnAction = rules.evaluate(
                new TicketChange("e2", Trigger.PRIORITY_CHANGED, CausedBy.noRule().then("escalate-urgent")), urgent);

        assertThat(byPerson.matchedRuleIds()).containsExactly("escalate-urgent", "tag-urgent");
        assertThat(byOwnAction.rules()).extracting(RuleOutcome::verdict)
                .containsExactly(Verdict.CAUSED_THIS_CHANGE, Verdict.MATCHED);
        assertThat(byOwnAction.commands()).extracting(Command::reason).containsExactly("rule:tag-urgent");
    }

    @Test
    void twoRulesReactingToEachOtherStopAfterEachHasFiredOnce() {
        // A raises the priority when the tag appears; B tags the ticket when the priority rises: a ping-pong
        Rule raise = rule("a-raise", 1, List.of("tags_changed"), List.of(when("tags", "contains", "angry")),
                setPriority("high"));
        Rule tag = rule("b-tag", 2, List.of("priority_changed"), List.of(when("priority", "is", "high")),
                addTags("angry"));
        RuleSet rules = new RuleSet(List.of(raise, tag));
        TicketFacts facts = ticket().priority("high").tags("angry").build();

        Decision first = rules.evaluate(TicketChange.byPerson("e1", Trigger.TAGS_CHANGED), facts);
        CausedBy afterA = first.causedBy().then(first.commands().get(0).ruleIds().get(0));
        Decision second = rules.evaluate(new TicketChange("e2", Trigger.PRIORITY_CHANGED, afterA), facts);
        CausedBy afterB = afterA.then(second.commands().get(0).ruleIds().get(0));
        Decision third = rules.evaluate(new TicketChange("e3", Trigger.TAGS_CHANGED, afterB), facts);

        assertThat(first.matchedRuleIds()).containsExactly("a-raise");
        assertThat(second.matchedRuleIds()).containsExactly("b-tag");
        assertThat(third.matchedRuleIds()).isEmpty();
        assertThat(third.commands()).isEmpty();
        assertThat(third.rules()).extracting(RuleOutcome::verdict).first().isEqualTo(Verdict.CAUSED_THIS_CHANGE);
    }

    @Test
    void everyRuleSeesTheTicketAsItWasAtTheChangeNotAsEarlierRulesWouldLeaveIt() {
        Rule raise = onCreation("raise", 1, List.of(when("subject", "contains", "outage")), setPriority("urgent"));
        Rule urgentToLeads = onCreation("urgent-to-leads", 2, List.of(when("priority", "is", "urgent")),
                assignGroup("team-leads"));

        Decision decision = new RuleSet(List.of(raise, urgentToLeads))
                .evaluate(created("e1"), ticket().subject("Total outage since 9:00").build());

        assertThat(decision.matchedRuleIds()).containsExactly("raise");
    }

    @Test
    void theDryRunSaysWhatARuleWouldDoAndWhyWithoutTriggerOrActiveFlag() {
        Rule rule = RuleParser.parse("big-orders", new RuleSpec("Big orders", 5, false, List.of("tags_changed"),
                "all", List.of(when("customFields.order_total", "greater_than", 1000),
                        ConditionSpec.any(when("customer.tier", "in", List.of("gold", "platinum")),
                                when("tags", "contains", "vip"))),
                List.of(assignGroup("key-accounts"))), Admin.VOCABULARY);

        RuleTest matching = rule.test(ticket().customField("order_total", 2500).tags("vip").build());
        RuleTest failing = rule.test(ticket().customField("order_total", 2500).customer("Bolt", "silver").build());

        assertThat(matching.matched()).isTrue();
        assertThat(matching.actions()).containsExactly(new Action.AssignToGroup("key-accounts"));
        assertThat(failing.matched()).isFalse();
        assertThat(failing.actions()).isEmpty();
        assertThat(failing.failedCondition()).get().extracting(ConditionCheck::explain)
                .isEqualTo("conditions[1]: any of 2 conditions — failed");
        assertThat(failing.conditions().parts().get(1).parts()).extracting(ConditionCheck::explain).containsExactly(
                "conditions[1].conditions[0]: customer.tier in [\"gold\", \"platinum\"] — failed, ticket has \"silver\"",
                "conditions[1].conditions[1]: tags contains \"vip\" — failed, not set on the ticket");
        assertThat(failing.conditions().parts().get(0).explain())
                .isEqualTo("conditions[0]: customFields.order_total greater_than 1000 — held, ticket has 2500");
    }
}
