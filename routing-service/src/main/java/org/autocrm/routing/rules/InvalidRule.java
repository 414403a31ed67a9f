package org.autocrm.routing.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that cannot be saved as written; carries every problem found, not only the first. */
public class InvalidRule extends RuntimeException {

    /** The stable code an API maps to its problem type. */
    public static final String CODE = "RULE_INVALID";

    private final transient List<FieldProblem> problems;

    public InvalidRule(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
