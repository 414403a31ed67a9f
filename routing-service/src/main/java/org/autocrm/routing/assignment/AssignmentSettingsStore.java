package org.autocrm.routing.assignment;

import java.util.List;
import java.util.Optional;

/**
 * Where groups' and agents' assignment settings are kept (MongoDB {@code assignment_groups},
 * {@code assignment_agents}). Every call is scoped to one tenant; a change is a conditional write on the version read.
 */
public interface AssignmentSettingsStore {

    Optional<GroupSettings> group(String tenantId, String groupId);

    /**
     * Stores the settings if the stored ones still have {@code expectedVersion} (null: none stored yet); false if
     * they have moved on, and nothing changes.
     */
    boolean putGroup(GroupSettings settings, Long expectedVersion);

    Optional<AgentSettings> agent(String tenantId, String agentId);

    /** As {@link #putGroup}, for an agent. */
    boolean putAgent(AgentSettings settings, Long expectedVersion);

    /** The tenant's agents with stored settings, by id. */
    List<AgentSettings> agents(String tenantId);

    /** The agents whose settings list {@code groupId}, by id. */
    List<AgentSettings> agentsInGroup(String tenantId, String groupId);
}
