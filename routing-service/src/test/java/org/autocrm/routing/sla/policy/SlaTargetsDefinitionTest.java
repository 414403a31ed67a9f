package org.autocrm.routing.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;
import org.junit.jupiter.api.Test;

/** A policy's targets per priority, and what an admin is told about targets that cannot be used. */
class SlaTargetsDefinitionTest {

    @Test
    void aGoodDefinitionGivesEachPriorityItsTargets() {
        SlaTargetsDefinition given = new SlaTargetsDefinition(Map.of(
                "HIGH", Map.of("first_response", new TargetDefinition(240, "business"),
                        "resolution", new TargetDefinition(2 * 24 * 60, "calendar")),
                "LOW", Map.of("first_response", new TargetDefinition(480, "business"))), 30);

        SlaTargets targets = given.toTargets();

        assertThat(targets.target(Priority.HIGH, SlaMetric.FIRST_RESPONSE)).contains(SlaTarget.businessMinutes(240));
        assertThat(targets.target(Priority.HIGH, SlaMetric.RESOLUTION)).contains(SlaTarget.calendarMinutes(2880));
        assertThat(targets.target(Priority.HIGH, SlaMetric.NEXT_RESPONSE)).isEmpty();
        assertThat(targets.target(Priority.URGENT, SlaMetric.FIRST_RESPONSE)).isEmpty();
        assertThat(targets.warningLeadMinutes()).isEqualTo(30);
        assertThat(targets.needsBusinessCalendar()).isTrue();
        assertThat(targets.definition().toTargets()).isEqualTo(targets);
    }

    @Test
    void calendarHourTargetsNeedNoBusinessCalendarAndNoWarningIsZero() {
        SlaTargets targets = new SlaTargetsDefinition(Map.of(
                "URGENT", Map.of("resolution", new TargetDefinition(240, "calendar"))), null).toTargets();

        assertThat(targets.needsBusinessCalendar()).isFalse();
        assertThat(targets.warningLeadMinutes()).isZero();
    }

    @Test
    void aPolicyWithoutTargetsIsAProblemNamingTheField() {
        String expected = "targets: a policy needs at least one target, such as targets.HIGH.first_response: {minutes: 240, basis: business}";
        assertThat(problems(new SlaTargetsDefinition(Map.of(), 30))).containsExactly(expected);
        assertThat(problems(new SlaTargetsDefinition(null, null))).containsExactly(expected);
        assertThat(problems(new SlaTargetsDefinition(Map.of("HIGH", Map.of()), 30))).containsExactly(expected);
    }

    @Test
    void namesUnknownMetricsAndUnusableTargets() {
        Map<String, TargetDefinition> high = new LinkedHashMap<>();
        high.put("first_reply", new TargetDefinition(60, "business"));
        high.put("first_response", new TargetDefinition(0, "business hours"));
        high.put("next_response", new TargetDefinition(null, null));
        high.put("resolution", null);
        Map<String, TargetDefinition> low = Map.of("resolution", new TargetDefinition(400 * 24 * 60, "calendar"));
        Map<String, Map<String, TargetDefinition>> targets = new LinkedHashMap<>();
        targets.put("HIGH", high);
        targets.put("LOW", low);

        assertThat(problems(new SlaTargetsDefinition(targets, -5))).containsExactly(
                "targets.HIGH.first_reply: not a metric; use first_response, next_response or resolution",
                "targets.HIGH.first_response.minutes: must be at least 1, not 0",
                "targets.HIGH.first_response.basis: 'business hours' is neither business nor calendar",
                "targets.HIGH.next_response.minutes: required: the target in minutes",
                "targets.HIGH.next_response.basis: required: business or calendar",
                "targets.HIGH.resolution: required: {minutes, basis}",
                "targets.LOW.resolution.minutes: must be at most 527040 (366 days), not 576000",
                "warningLeadMinutes: must be 0 (no warning) or more, not -5");
    }

    @Test
    void refusingCarriesAStableReasonAndEveryProblem() {
        SlaSettingsRejected rejected = catchThrowableOfType(() -> new SlaTargetsDefinition(Map.of(), -1).toTargets(),
                SlaSettingsRejected.class);

        assertThat(rejected.reason()).isEqualTo(SlaSettingsRejected.Reason.POLICY_INVALID);
        assertThat(rejected.problems()).extracting(FieldProblem::field).containsExactly("targets", "warningLeadMinutes");
    }

    private static List<String> problems(SlaTargetsDefinition definition) {
        return definition.problems().stream().map(FieldProblem::toString).toList();
    }
}
