package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Map;

/**
 * A group's rotation as read.
 *
 * @param version        0 for a group that never assigned
 * @param lastAssignedAt per agent, when they last got one of this group's tickets
 * @param lastStamp      the latest of those; the next stamp is strictly later, so two picks in one millisecond
 *                       still rotate
 */
public record Rotation(long version, Map<String, Instant> lastAssignedAt, Instant lastStamp) {

    public Rotation {
        lastAssignedAt = Map.copyOf(lastAssignedAt);
    }

    public static Rotation none() {
        return new Rotation(0, Map.of(), null);
    }

    public Instant nextStamp(Instant now) {
        return lastStamp == null || now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
    }
}
