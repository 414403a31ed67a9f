package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Picks an agent of a group for one ticket so that concurrent picks (two replicas, or tickets of one group handled
 * at once) stay fair and within caps: {@link AgentPicker} decides on what the store holds, then the ticket is
 * reserved in the chosen agent's load (a conditional write that respects the cap) and the group's rotation is
 * advanced on the version read (another conditional write). Losing either race means someone else picked in the
 * meantime: the reservation is undone and the pick made again on the new state.
 */
@Component
public class PickingAgents {

    static final int MAX_ATTEMPTS = 50;

    private final AssignmentSettingsStore settings;
    private final GroupRotations rotations;
    private final AgentLoads loads;

    public PickingAgents(AssignmentSettingsStore settings, GroupRotations rotations, AgentLoads loads) {
        this.settings = settings;
        this.rotations = rotations;
        this.loads = loads;
    }

    public AssignmentChoice pick(GroupSettings group, QueuedTicket ticket, Instant now) {
        String tenantId = group.tenantId();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Rotation rotation = rotations.read(tenantId, group.groupId());
            List<AgentSettings> members = settings.agentsInGroup(tenantId, group.groupId());
            Map<String, Integer> open = loads.openTickets(tenantId, members.stream().map(AgentSettings::agentId).toList());
            List<AgentState> states = members.stream().map(agent -> agent.profile().state(agent.agentId(),
                    open.getOrDefault(agent.agentId(), 0), rotation.lastAssignedAt().get(agent.agentId()))).toList();
            AssignmentChoice choice = AgentPicker.pick(group.assignment(), states, needs(ticket, members), now);
            if (!(choice instanceof AssignmentChoice.Chosen chosen)) {
                return choice;
            }
            AgentProfile profile = members.stream().filter(a -> a.agentId().equals(chosen.agentId())).findFirst()
                    .orElseThrow().profile();
            if (!loads.reserve(tenantId, chosen.agentId(), ticket.ticketId(), cap(group, profile))) {
                continue;
            }
            if (!rotations.advance(tenantId, group.groupId(), rotation.version(), chosen.agentId(),
                    rotation.nextStamp(now))) {
                loads.release(tenantId, chosen.agentId(), ticket.ticketId());
                continue;
            }
            return chosen;
        }
        throw new IllegalStateException("Could not pick an agent in group " + group.groupId() + " after "
                + MAX_ATTEMPTS + " attempts: every attempt lost a race with another pick; the event will be retried");
    }

    /**
     * The skills a ticket needs are its tags that name a skill some agent of the group has (compared ignoring
     * case): tags like {@code vip} that nobody lists as a skill ask for nothing.
     */
    private static TicketNeeds needs(QueuedTicket ticket, List<AgentSettings> members) {
        Set<String> vocabulary = members.stream().flatMap(a -> a.profile().skills().stream())
                .map(skill -> skill.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> needed = new HashSet<>(ticket.tags().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).toList());
        needed.retainAll(vocabulary);
        return new TicketNeeds(needed, ticket.language());
    }

    private static Integer cap(GroupSettings group, AgentProfile profile) {
        Integer groupCap = group.assignment().maxOpenPerAgent();
        if (profile.capacity() == null) {
            return groupCap;
        }
        return groupCap == null ? profile.capacity() : Math.min(groupCap, profile.capacity());
    }
}
