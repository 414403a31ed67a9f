package org.autocrm.routing.sla;

/**
 * One thing wrong with an SLA setting, named by the path of the field it is in ({@code slots.MONDAY[1]},
 * {@code targets.HIGH.first_response.minutes}), so an API can answer 422 with {@code errors: [{field, message}]}.
 */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
