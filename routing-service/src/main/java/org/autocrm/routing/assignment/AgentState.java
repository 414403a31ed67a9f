package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Set;

/**
 * One agent of a group as assignment sees them at one moment.
 *
 * @param openTickets    tickets assigned to the agent and not yet resolved
 * @param capacity       the most open tickets this agent takes, or null for no personal cap
 * @param lastAssignedAt when the agent last received a ticket from this service, or null if never
 */
public record AgentState(
        String agentId,
        Availability availability,
        WeeklySchedule schedule,
        int openTickets,
        Integer capacity,
        Set<String> skills,
        Set<String> languages,
        Instant lastAssignedAt) {

    public AgentState {
        schedule = schedule == null ? WeeklySchedule.always() : schedule;
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }

    /** An available agent with no schedule, cap, skills or languages, never assigned yet. */
    public static AgentState available(String agentId) {
        return new AgentState(agentId, Availability.AVAILABLE, WeeklySchedule.always(), 0, null, Set.of(), Set.of(),
                null);
    }

    public AgentState withAvailability(Availability availability) {
        return new AgentState(agentId, availability, schedule, openTickets, capacity, skills, languages,
                lastAssignedAt);
    }

    public AgentState withOpenTickets(int openTickets, Integer capacity) {
        return new AgentState(agentId, availability, schedule, openTickets, capacity, skills, languages,
                lastAssignedAt);
    }

    public AgentState withSchedule(WeeklySchedule schedule) {
        return new AgentState(agentId, availability, schedule, openTickets, capacity, skills, languages,
                lastAssignedAt);
    }

    public AgentState withSkillsAndLanguages(Set<String> skills, Set<String> languages) {
        return new AgentState(agentId, availability, schedule, openTickets, capacity, skills, languages,
                lastAssignedAt);
    }

    /** The agent after receiving one more ticket at {@code at}. */
    public AgentState assigned(Instant at) {
        return new AgentState(agentId, availability, schedule, openTickets + 1, capacity, skills, languages, at);
    }
}
