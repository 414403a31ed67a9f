package org.autocrm.routing.sla.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * How an SLA counts time: in business hours (a {@link BusinessCalendar}) or around the clock
 * ({@link #AROUND_THE_CLOCK}). Targets measured either way go through this one interface.
 */
public interface WorkingTime {

    /** Calendar hours: every minute of every day counts, weekends and holidays included. */
    WorkingTime AROUND_THE_CLOCK = new WorkingTime() {
        @Override
        public Instant after(Instant start, Duration amount) {
            requireNotNegative(amount);
            return start.plus(amount);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return Duration.between(from, to);
        }

        @Override
        public String toString() {
            return "around the clock";
        }
    };

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}. Zero is {@code start}
     * itself; otherwise the earliest such instant, so 4 hours from 13:00 in a desk open until 17:00 is 17:00 that
     * day, not the next morning.
     */
    Instant after(Instant start, Duration amount);

    /** The working time between two instants; negative when {@code to} is before {@code from}. */
    Duration between(Instant from, Instant to);

    /** {@link #after} in whole minutes. */
    default Instant plusMinutes(Instant start, long minutes) {
        return after(start, Duration.ofMinutes(minutes));
    }

    /** {@link #between} in whole minutes, cut towards zero so that reversing the instants only flips the sign. */
    default long minutesBetween(Instant from, Instant to) {
        Duration between = between(from, to);
        return between.isNegative() ? -between.negated().toMinutes() : between.toMinutes();
    }

    private static void requireNotNegative(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
    }
}
