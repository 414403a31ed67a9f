package org.autocrm.routing.sla.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.autocrm.routing.rules.ActionSpec;
import org.autocrm.routing.rules.Rule;
import org.autocrm.routing.rules.RuleParser;
import org.autocrm.routing.rules.RuleSpec;
import org.autocrm.routing.rules.RuleVocabulary;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;
import org.autocrm.routing.sla.policy.SlaTargets;
import org.autocrm.routing.sla.policy.SlaTargetsDefinition;

/**
 * Checks a written SLA policy and makes it a {@link SlaPolicy}, or refuses it ({@code POLICY_INVALID}) with every
 * problem named by its field. Name, position, match and conditions are checked by the rules' own parser (a policy
 * is, for matching, a rule without actions), targets by {@link SlaTargetsDefinition}; the calendar and the breach
 * actions here.
 */
public final class PolicyParser {

    /** The rules' parser wants a trigger and an action; a policy has neither, so these stand in (and never show). */
    private static final List<String> ANY_TRIGGER = List.of("created");
    private static final List<ActionSpec> NO_ACTION = List.of(new ActionSpec("add_tags", List.of("sla")));

    private PolicyParser() {
    }

    /**
     * @param calendarExists     whether the tenant has a calendar of that id
     * @param hasDefaultCalendar whether the tenant has a default calendar (for a policy that names none)
     */
    public static SlaPolicy parse(String id, PolicySpec spec, Predicate<String> calendarExists,
                                  boolean hasDefaultCalendar) {
        List<FieldProblem> problems = new ArrayList<>();
        RuleSpec asRule = new RuleSpec(spec.name(), spec.position(), spec.active(), ANY_TRIGGER, spec.match(),
                spec.conditions(), NO_ACTION);
        RuleParser.problemsOf(asRule, RuleVocabulary.unknown())
                .forEach(problem -> problems.add(new FieldProblem(problem.field(), problem.message())));
        SlaTargetsDefinition targetsDefinition = new SlaTargetsDefinition(spec.targets(), spec.warningLeadMinutes());
        problems.addAll(targetsDefinition.problems());
        if (spec.calendarId() != null) {
            if (spec.calendarId().isBlank() || !calendarExists.test(spec.calendarId())) {
                problems.add(new FieldProblem("calendarId", "unknown calendar '" + spec.calendarId()
                        + "'; name one of GET /api/sla/calendars, or leave it out for the tenant's default"));
            }
        } else if (!hasDefaultCalendar && targetsDefinition.problems().isEmpty()
                && targetsDefinition.toTargets().needsBusinessCalendar()) {
            problems.add(new FieldProblem("calendarId", "required: the policy counts business hours and the tenant "
                    + "has no default calendar; name a calendar or make one the default"));
        }
        List<BreachAction> actions = breachActions(spec.breachActions(), problems);
        if (!problems.isEmpty()) {
            throw new SlaSettingsRejected(SlaSettingsRejected.Reason.POLICY_INVALID, problems);
        }
        Rule conditions = RuleParser.parse(id, asRule, RuleVocabulary.unknown());
        SlaTargets targets = targetsDefinition.toTargets();
        return new SlaPolicy(id, conditions.name(), conditions.position(), spec.isActive(), conditions,
                spec.calendarId(), targets, actions);
    }

    private static List<BreachAction> breachActions(List<BreachActionSpec> specs, List<FieldProblem> problems) {
        List<BreachAction> actions = new ArrayList<>();
        if (specs == null) {
            return actions;
        }
        for (int i = 0; i < specs.size(); i++) {
            String field = "breachActions[" + i + "]";
            BreachActionSpec spec = specs.get(i);
            if (spec == null || spec.type() == null) {
                problems.add(new FieldProblem(field + ".type", "required: escalate, raise_priority or notify_team_lead"));
                continue;
            }
            var type = BreachAction.Type.fromWireName(spec.type());
            if (type.isEmpty()) {
                problems.add(new FieldProblem(field + ".type", "unknown breach action \"" + spec.type()
                        + "\"; one of escalate, raise_priority, notify_team_lead"));
                continue;
            }
            String value = switch (type.get()) {
                case ESCALATE -> required(spec.groupId(), field + ".groupId", "the group to escalate to", problems);
                case RAISE_PRIORITY -> required(spec.priority(), field + ".priority", "the priority to set, such as URGENT", problems);
                case NOTIFY_TEAM_LEAD -> required(spec.userId(), field + ".userId", "the team lead's user id", problems);
            };
            if (value != null) {
                if (actions.stream().anyMatch(action -> action.type() == type.get())) {
                    problems.add(new FieldProblem(field + ".type", type.get().wireName() + " is given twice"));
                } else {
                    actions.add(new BreachAction(type.get(), value));
                }
            }
        }
        return actions;
    }

    private static String required(String value, String field, String what, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required: " + what));
            return null;
        }
        return value.strip();
    }
}
