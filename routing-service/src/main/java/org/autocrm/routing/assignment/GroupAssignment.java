package org.autocrm.routing.assignment;

/**
 * A group's assignment settings.
 *
 * @param loadMeasure     used by {@code LEAST_LOADED}; null reads as {@link LoadMeasure#OPEN_TICKETS}
 * @param maxOpenPerAgent the most open tickets any agent of the group may hold, or null for no group cap
 * @param matchSkills     whether an agent must have every skill the ticket needs
 * @param matchLanguage   whether an agent must speak the ticket's language
 */
public record GroupAssignment(
        AssignmentStrategy strategy,
        LoadMeasure loadMeasure,
        Integer maxOpenPerAgent,
        boolean matchSkills,
        boolean matchLanguage) {

    public GroupAssignment {
        loadMeasure = loadMeasure == null ? LoadMeasure.OPEN_TICKETS : loadMeasure;
    }

    public static GroupAssignment of(AssignmentStrategy strategy) {
        return new GroupAssignment(strategy, LoadMeasure.OPEN_TICKETS, null, false, false);
    }
}
