package org.autocrm.routing.sla.clock;

import java.util.Locale;

/** Where a target stands; {@link #wireName()} as the API says it. */
public enum TargetStatus {
    /** The clock runs and the due time is ahead. */
    ACTIVE,
    /** The ticket waits on the customer (PENDING, ON_HOLD): the clock stands still, there is no due time. */
    PAUSED,
    /** Met in time. */
    FULFILLED,
    /** The due time passed before the target was met (whether or not it has been met since). */
    BREACHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
