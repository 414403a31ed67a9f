package org.autocrm.routing.sla.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.autocrm.routing.rules.ConditionSpec;
import org.autocrm.routing.rules.TicketFacts;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;
import org.autocrm.routing.sla.policy.Priority;
import org.autocrm.routing.sla.policy.SlaMetric;
import org.autocrm.routing.sla.policy.TargetDefinition;
import org.junit.jupiter.api.Test;

/** An SLA policy as a support lead writes it: matched like a routing rule, refused with every field named. */
class PolicyParserTest {

    private static final Map<String, Map<String, TargetDefinition>> HIGH_FIRST_RESPONSE_4H =
            Map.of("HIGH", Map.of("first_response", new TargetDefinition(240, "business")));

    @Test
    void aPolicyMatchesTheTicketsARuleWithTheSameConditionsWould() {
        SlaPolicy gold = PolicyParser.parse("p-1", new PolicySpec("Gold", 1, null, "any",
                List.of(ConditionSpec.test("customer.tier", "is", "gold"), ConditionSpec.test("tags", "contains", "vip")),
                null, HIGH_FIRST_RESPONSE_4H, 30, List.of(new BreachActionSpec("escalate", "tier-2", null, null))),
                id -> true, true);

        assertThat(gold.matches(TicketFacts.builder("t-1").customer("Acme", "gold").build())).isTrue();
        assertThat(gold.matches(TicketFacts.builder("t-2").tags("vip").build())).isTrue();
        assertThat(gold.matches(TicketFacts.builder("t-3").customer("Acme", "silver").build())).isFalse();
        assertThat(gold.active()).isTrue();
        assertThat(gold.targets().target(Priority.HIGH, SlaMetric.FIRST_RESPONSE)).isPresent();
        assertThat(gold.breachActions()).containsExactly(new BreachAction(BreachAction.Type.ESCALATE, "tier-2"));
    }

    @Test
    void aPolicyWithoutNameTargetsOrActionValuesIsRefusedNamingEachField() {
        SlaSettingsRejected refused = catchThrowableOfType(SlaSettingsRejected.class, () -> PolicyParser.parse("p-1",
                new PolicySpec(" ", -1, true, "some", List.of(ConditionSpec.test("prioritty", "is", "HIGH")),
                        "gone", Map.of(), null,
                        List.of(new BreachActionSpec("raise_priority", null, null, null),
                                new BreachActionSpec("notify_team_lead", null, null, "lena"),
                                new BreachActionSpec("notify_team_lead", null, null, "omar"))),
                id -> false, true));

        assertThat(refused.reason()).isEqualTo(SlaSettingsRejected.Reason.POLICY_INVALID);
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("name", "position",
                "match", "conditions[0].field", "targets", "calendarId", "breachActions[0].priority",
                "breachActions[2].type");
    }

    @Test
    void businessHoursNeedACalendarCalendarHoursDoNot() {
        SlaSettingsRejected refused = catchThrowableOfType(SlaSettingsRejected.class, () -> PolicyParser.parse("p-1",
                new PolicySpec("Gold", 1, true, null, null, null, HIGH_FIRST_RESPONSE_4H, null, null), id -> true, false));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("calendarId");

        SlaPolicy aroundTheClock = PolicyParser.parse("p-1", new PolicySpec("24/7", 1, false, null, null, null,
                Map.of("HIGH", Map.of("resolution", new TargetDefinition(60, "calendar"))), null, null), id -> true, false);
        assertThat(aroundTheClock.active()).isFalse();
        assertThat(aroundTheClock.matches(TicketFacts.builder("t-1").build())).as("no conditions: every ticket").isTrue();
    }
}
