package org.autocrm.routing.assignment;

import java.util.Collection;
import java.util.Map;

/**
 * Each agent's open assigned tickets, kept as a set of ticket ids (so taking the same event in twice changes
 * nothing) and its size. Fed by the ticket stream (assigned, unassigned, resolved, closed, reopened) and by the
 * picks, which reserve the ticket in the chosen agent's load before they are final.
 */
public interface AgentLoads {

    /** Open tickets per agent; agents with none are left out. */
    Map<String, Integer> openTickets(String tenantId, Collection<String> agentIds);

    /**
     * Adds the ticket to the agent's load if they hold fewer than {@code cap} (null: no cap); true if it is now in
     * their load (also when it already was).
     */
    boolean reserve(String tenantId, String agentId, String ticketId, Integer cap);

    /** Adds the ticket to the agent's load whatever their cap (an assignment made elsewhere). */
    void add(String tenantId, String agentId, String ticketId);

    void release(String tenantId, String agentId, String ticketId);
}
