package org.autocrm.routing.assignment;

/** Why an agent of the group cannot take this ticket now; the first that applies, in this order. */
public enum Exclusion {
    OFFLINE,
    AWAY,
    OUTSIDE_SCHEDULE,
    /** At or over the lower of the agent's own capacity and the group's cap. */
    AT_CAPACITY,
    LACKS_SKILLS,
    LANGUAGE_NOT_SPOKEN
}
