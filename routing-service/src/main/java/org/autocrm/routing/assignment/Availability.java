package org.autocrm.routing.assignment;

/** What an agent says about themselves; only {@code AVAILABLE} agents receive tickets. */
public enum Availability {
    AVAILABLE, AWAY, OFFLINE
}
