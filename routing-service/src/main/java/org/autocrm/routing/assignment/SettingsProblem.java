package org.autocrm.routing.assignment;

/** One thing wrong with a group's or an agent's settings, named by its field, e.g. {@code schedule.MONDAY[1]}. */
public record SettingsProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
