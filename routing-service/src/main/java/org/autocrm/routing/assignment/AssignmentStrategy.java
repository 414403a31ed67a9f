package org.autocrm.routing.assignment;

/** How a group picks an agent for a ticket assigned to it. */
public enum AssignmentStrategy {
    /** Nobody is picked: the ticket waits in the group's queue for someone to take it. */
    MANUAL,
    /** The eligible agent whose last assignment is longest ago (never assigned counts as longest). */
    ROUND_ROBIN,
    /** The eligible agent with the lightest load, by the group's {@link LoadMeasure}. */
    LEAST_LOADED
}
