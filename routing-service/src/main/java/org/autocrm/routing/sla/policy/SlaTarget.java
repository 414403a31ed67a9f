package org.autocrm.routing.sla.policy;

import java.time.Duration;

/** One target: so many minutes, counted in business hours or around the clock. */
public record SlaTarget(long minutes, TimeBasis basis) {

    public SlaTarget {
        if (minutes < 1 || basis == null) {
            throw new IllegalArgumentException("not a target: " + minutes + " " + basis);
        }
    }

    public static SlaTarget businessMinutes(long minutes) {
        return new SlaTarget(minutes, TimeBasis.BUSINESS);
    }

    public static SlaTarget calendarMinutes(long minutes) {
        return new SlaTarget(minutes, TimeBasis.CALENDAR);
    }

    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }
}
