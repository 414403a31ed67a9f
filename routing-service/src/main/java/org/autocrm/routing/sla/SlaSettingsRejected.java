package org.autocrm.routing.sla;

import java.util.List;

/**
 * A calendar, holiday import or SLA policy that cannot be used as given: every problem found, each naming its field.
 * The {@link Reason} is the stable code an API maps to its problem type; the message is for people.
 */
public class SlaSettingsRejected extends RuntimeException {

    /** What was rejected; stable codes, never matched by message text. */
    public enum Reason {
        CALENDAR_INVALID, HOLIDAY_IMPORT_INVALID, POLICY_INVALID
    }

    private final Reason reason;
    private final List<FieldProblem> problems;

    public SlaSettingsRejected(Reason reason, List<FieldProblem> problems) {
        super(reason + ": " + String.join("; ", problems.stream().map(FieldProblem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection names at least one problem");
        }
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
