package org.autocrm.routing.assignment;

import java.time.Instant;

/**
 * A group's assignment settings as kept. {@code version} starts at 0 and grows by one with each change. A group
 * nobody configured is {@link #unconfigured}: manual, so nothing is assigned in it automatically.
 *
 * @param version null for a group with no stored settings
 */
public record GroupSettings(String tenantId, String groupId, GroupAssignment assignment, Long version,
                            Instant updatedAt) {

    public static GroupSettings unconfigured(String tenantId, String groupId) {
        return new GroupSettings(tenantId, groupId, GroupAssignment.of(AssignmentStrategy.MANUAL), null, null);
    }

    public boolean automatic() {
        return assignment.strategy() != AssignmentStrategy.MANUAL;
    }
}
