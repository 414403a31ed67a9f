package org.autocrm.routing.assignment;

/** What "least loaded" means for a group. */
public enum LoadMeasure {
    /** Fewest open tickets. */
    OPEN_TICKETS,
    /**
     * Most room left under the agent's cap (cap minus open tickets), so an agent with a larger cap takes more. An
     * agent without any cap has unlimited room.
     */
    SPARE_CAPACITY
}
