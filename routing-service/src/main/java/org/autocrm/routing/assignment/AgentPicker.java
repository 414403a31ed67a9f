package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the agent of a group for one ticket. An agent is eligible when available, within their schedule, under
 * their cap, and (where the group asks for it) has the ticket's skills and speaks its language. Among the eligible:
 * <ul>
 *   <li>{@code ROUND_ROBIN}: the one whose last assignment is longest ago (never assigned first);</li>
 *   <li>{@code LEAST_LOADED}: fewest open tickets, or most spare capacity; ties go to the one whose last assignment
 *       is longest ago.</li>
 * </ul>
 * Remaining ties go to the lowest agent id, so the same state always gives the same agent.
 */
public final class AgentPicker {

    private static final Comparator<AgentState> LONGEST_WAITING = Comparator
            .comparing(AgentState::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AgentState::agentId);

    private AgentPicker() {
    }

    public static AssignmentChoice pick(GroupAssignment group, List<AgentState> agents, TicketNeeds needs,
            Instant now) {
        if (group.strategy() == AssignmentStrategy.MANUAL) {
            return new AssignmentChoice.NobodyAvailable(AssignmentChoice.Reason.MANUAL_STRATEGY, Map.of());
        }
        if (agents.isEmpty()) {
            return new AssignmentChoice.NobodyAvailable(AssignmentChoice.Reason.NO_AGENTS_IN_GROUP, Map.of());
        }
        Map<String, Exclusion> excluded = new LinkedHashMap<>();
        List<AgentState> eligible = agents.stream().filter(agent -> {
            Optional<Exclusion> exclusion = exclusion(group, agent, needs, now);
            exclusion.ifPresent(why -> excluded.put(agent.agentId(), why));
            return exclusion.isEmpty();
        }).toList();
        if (eligible.isEmpty()) {
            return new AssignmentChoice.NobodyAvailable(AssignmentChoice.Reason.NO_AGENT_ELIGIBLE, excluded);
        }
        Comparator<AgentState> order = group.strategy() == AssignmentStrategy.ROUND_ROBIN
                ? LONGEST_WAITING
                : leastLoaded(group).thenComparing(LONGEST_WAITING);
        AgentState chosen = eligible.stream().min(order).orElseThrow();
        return new AssignmentChoice.Chosen(chosen.agentId(), group.strategy().name().toLowerCase(Locale.ROOT));
    }

    private static Comparator<AgentState> leastLoaded(GroupAssignment group) {
        if (group.loadMeasure() == LoadMeasure.OPEN_TICKETS) {
            return Comparator.comparingInt(AgentState::openTickets);
        }
        return Comparator.comparingLong((AgentState agent) -> spare(group, agent)).reversed();
    }

    private static long spare(GroupAssignment group, AgentState agent) {
        Integer cap = cap(group, agent);
        return cap == null ? Long.MAX_VALUE : (long) cap - agent.openTickets();
    }

    /** The lower of the agent's own capacity and the group's cap; null when neither is set. */
    private static Integer cap(GroupAssignment group, AgentState agent) {
        if (agent.capacity() == null) {
            return group.maxOpenPerAgent();
        }
        return group.maxOpenPerAgent() == null ? agent.capacity() : Math.min(agent.capacity(), group.maxOpenPerAgent());
    }

    private static Optional<Exclusion> exclusion(GroupAssignment group, AgentState agent, TicketNeeds needs,
            Instant now) {
        if (agent.availability() != Availability.AVAILABLE) {
            return Optional.of(agent.availability() == Availability.AWAY ? Exclusion.AWAY : Exclusion.OFFLINE);
        }
        if (!agent.schedule().isWithin(now)) {
            return Optional.of(Exclusion.OUTSIDE_SCHEDULE);
        }
        Integer cap = cap(group, agent);
        if (cap != null && agent.openTickets() >= cap) {
            return Optional.of(Exclusion.AT_CAPACITY);
        }
        if (group.matchSkills() && !lower(agent.skills()).containsAll(lower(needs.skills()))) {
            return Optional.of(Exclusion.LACKS_SKILLS);
        }
        if (group.matchLanguage() && needs.language() != null && !speaks(agent, needs.language())) {
            return Optional.of(Exclusion.LANGUAGE_NOT_SPOKEN);
        }
        return Optional.empty();
    }

    /** Languages match on their primary part, so an agent speaking {@code de} takes a {@code de-AT} ticket. */
    private static boolean speaks(AgentState agent, String language) {
        String wanted = primary(language);
        return agent.languages().stream().map(AgentPicker::primary).anyMatch(wanted::equals);
    }

    private static String primary(String languageTag) {
        return Locale.forLanguageTag(languageTag.strip().replace('_', '-')).getLanguage();
    }

    private static Set<String> lower(Set<String> words) {
        return words.stream().map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
