package org.autocrm.routing.assignment;

import java.time.Instant;

/**
 * Each group's rotation: when each agent last got one of its tickets, under a version. Every automatic pick in a
 * group advances it with a conditional write, so concurrent picks in a group are serialised: of two replicas that
 * read the same version, one advances it and the other picks again on the new state.
 */
public interface GroupRotations {

    Rotation read(String tenantId, String groupId);

    /** Records {@code agentId} as assigned at {@code at}, if the rotation is still at {@code expectedVersion}. */
    boolean advance(String tenantId, String groupId, long expectedVersion, String agentId, Instant at);
}
