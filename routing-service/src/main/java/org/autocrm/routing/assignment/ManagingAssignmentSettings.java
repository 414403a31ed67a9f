package org.autocrm.routing.assignment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Admins', team leads' and agents' work on assignment settings: a group's strategy, an agent's profile. Every change
 * is checked as a whole before anything is stored ({@link InvalidSettings}) and names the version it was made on
 * ({@link StaleSettings}). A change that may free capacity (an agent available again, a group made automatic)
 * offers the waiting tickets at once.
 */
@Service
public class ManagingAssignmentSettings {

    private final AssignmentSettingsStore store;
    private final OfferingWaitingTickets offers;
    private final Clock clock;

    public ManagingAssignmentSettings(AssignmentSettingsStore store, OfferingWaitingTickets offers, Clock clock) {
        this.store = store;
        this.offers = offers;
        this.clock = clock;
    }

    public GroupSettings group(String tenantId, String groupId) {
        return store.group(tenantId, groupId).orElseGet(() -> GroupSettings.unconfigured(tenantId, groupId));
    }

    /** @param expectedVersion the version the change was made on; empty to replace whatever is there */
    public GroupSettings putGroup(String tenantId, String groupId, GroupSettingsDefinition definition,
            Optional<Long> expectedVersion) {
        GroupAssignment assignment = definition.validate();
        Optional<GroupSettings> current = store.group(tenantId, groupId);
        Long currentVersion = current.map(GroupSettings::version).orElse(null);
        check("The assignment settings of group " + groupId, currentVersion, expectedVersion);
        GroupSettings changed = new GroupSettings(tenantId, groupId, assignment,
                currentVersion == null ? 0 : currentVersion + 1, clock.instant());
        if (!store.putGroup(changed, currentVersion)) {
            throw lostRace("The assignment settings of group " + groupId, currentVersion,
                    store.group(tenantId, groupId).map(GroupSettings::version).orElse(null));
        }
        if (changed.automatic()) {
            offers.offerQuietly(tenantId, groupId);
        }
        return changed;
    }

    public AgentSettings agent(String tenantId, String agentId) {
        return store.agent(tenantId, agentId).orElseGet(() -> AgentSettings.unconfigured(tenantId, agentId));
    }

    public List<AgentSettings> agents(String tenantId) {
        return store.agents(tenantId);
    }

    /** Replaces the agent's profile with one already checked ({@link AgentSettingsDefinition#validate()}). */
    public AgentSettings putAgent(String tenantId, String agentId, AgentProfile profile,
            Optional<Long> expectedVersion) {
        Optional<AgentSettings> current = store.agent(tenantId, agentId);
        Long currentVersion = current.map(AgentSettings::version).orElse(null);
        check("The settings of agent " + agentId, currentVersion, expectedVersion);
        AgentSettings changed = new AgentSettings(tenantId, agentId, profile,
                currentVersion == null ? 0 : currentVersion + 1, clock.instant());
        if (!store.putAgent(changed, currentVersion)) {
            throw lostRace("The settings of agent " + agentId, currentVersion,
                    store.agent(tenantId, agentId).map(AgentSettings::version).orElse(null));
        }
        if (profile.status() == Availability.AVAILABLE) {
            profile.groups().forEach(groupId -> offers.offerQuietly(tenantId, groupId));
        }
        return changed;
    }

    private static void check(String what, Long currentVersion, Optional<Long> expectedVersion) {
        if (expectedVersion.isPresent() && !expectedVersion.get().equals(currentVersion)) {
            throw new StaleSettings(what, expectedVersion.get(), currentVersion);
        }
    }

    private static StaleSettings lostRace(String what, Long readVersion, Long nowVersion) {
        return new StaleSettings(what, readVersion == null ? -1 : readVersion, nowVersion);
    }
}
