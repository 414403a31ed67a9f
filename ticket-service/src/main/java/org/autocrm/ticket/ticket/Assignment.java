package org.autocrm.ticket.ticket;

import java.util.Optional;
import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.ticket.refusal.Refused;

/**
 * Who works a ticket — one agent, one group, or {@link #NOBODY} (the open pool) — and the rules of
 * changing that: never an agent and a group together; anyone of the staff takes a ticket themselves
 * and gives back their own, but only a team lead (or an admin, or an API key) assigns others or
 * groups and unassigns tickets of others; an escalation needs a reason and hands the ticket to the
 * group it escalates to.
 */
record Assignment(String agentId, String groupId) {

    static final Assignment NOBODY = new Assignment(null, null);

    boolean isNobody() {
        return agentId == null && groupId == null;
    }

    /** Whether an agent with these groups works on the ticket: it is theirs, one of their groups', or nobody's. */
    boolean includes(String userId, Set<String> groups) {
        return userId.equals(agentId) || groupId != null && groups != null && groups.contains(groupId) || isNobody();
    }

    /** The assignment {@code by} asks for, or empty when the ticket has it already. */
    Optional<Assignment> change(String agent, String group, Actor by) {
        if (agent != null && group != null) {
            throw new Refused(TicketRule.AGENT_AND_GROUP_TOGETHER,
                    "agentId and groupId cannot both be set: a ticket goes to one agent or one group");
        }
        if (agent == null && group == null) {
            throw new Refused(TicketRule.AGENT_AND_GROUP_TOGETHER, "agentId or groupId is required");
        }
        boolean assigningSelf = agent != null && agent.equals(by.userId());
        if (assigningSelf && TicketPermissions.isAutomation(by)) {
            throw TicketPermissions.notPermitted(by, "take a ticket for itself: assign an agent or a group");
        }
        if (!assigningSelf) {
            TicketPermissions.requireLead(by, "assign tickets to others or to groups");
        }
        Assignment wanted = new Assignment(agent, group);
        return wanted.equals(this) ? Optional.empty() : Optional.of(wanted);
    }

    /** Whether {@code by} unassigning the ticket changes anything: not when nobody works on it. */
    boolean unassign(Actor by) {
        if (isNobody()) {
            return false;
        }
        if (!by.userId().equals(agentId)) {
            TicketPermissions.requireLead(by, "unassign tickets of others");
        }
        return true;
    }

    /** The reason an escalation gives, stripped; there must be one. */
    static String escalationReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Refused(TicketRule.REASON_REQUIRED, "reason is required to escalate a ticket");
        }
        return reason.strip();
    }

    /** Escalating to a group hands the ticket to that group; empty when it goes to no group or to the one it has. */
    Optional<Assignment> escalatedTo(String toGroup) {
        return toGroup == null || toGroup.equals(groupId) ? Optional.empty()
                : Optional.of(new Assignment(null, toGroup));
    }
}
