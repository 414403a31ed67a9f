package org.autocrm.routing.assignment;

import java.time.Instant;

/**
 * An agent's profile as kept, with its bookkeeping. {@code version} starts at 0 and grows by one with each change.
 *
 * @param version null for an agent with no stored settings (then {@link AgentProfile#unknown()})
 */
public record AgentSettings(String tenantId, String agentId, AgentProfile profile, Long version, Instant updatedAt) {

    public static AgentSettings unconfigured(String tenantId, String agentId) {
        return new AgentSettings(tenantId, agentId, AgentProfile.unknown(), null, null);
    }
}
