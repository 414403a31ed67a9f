package org.autocrm.routing.assignment;

import java.time.LocalTime;

/**
 * One working stretch within a day, start inclusive, end exclusive. A shift past midnight is two slots, one on each
 * day; a slot to the end of the day ends at {@link LocalTime#MAX}.
 */
public record TimeSlot(LocalTime start, LocalTime end) {

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
