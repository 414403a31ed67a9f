package org.autocrm.routing.rules;

/**
 * One thing wrong with a rule, named by the path of the part at fault, e.g.
 * {@code conditions[2].field: unknown field "prioritty" (did you mean "priority"?)}. An API answers these in a 422.
 */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
