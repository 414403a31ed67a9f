package org.autocrm.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.autocrm.routing.assignment.AssignmentChoice.Chosen;
import org.autocrm.routing.assignment.AssignmentChoice.NobodyAvailable;
import org.autocrm.routing.assignment.AssignmentChoice.Reason;
import org.junit.jupiter.api.Test;

class AgentPickerTest {

    /** Monday 2 March 2026, 10:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static final GroupAssignment ROUND_ROBIN = GroupAssignment.of(AssignmentStrategy.ROUND_ROBIN);
    private static final GroupAssignment LEAST_LOADED = GroupAssignment.of(AssignmentStrategy.LEAST_LOADED);

    private static AssignmentChoice pick(GroupAssignment group, List<AgentState> agents) {
        return AgentPicker.pick(group, agents, TicketNeeds.none(), NOW);
    }

    private static AgentState agent(String id, int open, Instant lastAssignedAt) {
        return new AgentState(id, Availability.AVAILABLE, WeeklySchedule.always(), open, null, Set.of(), Set.of(),
                lastAssignedAt);
    }

    @Test
    void roundRobinGivesEachOfFiveAgentsTwentyOfAHundredTickets() {
        List<AgentState> agents = new ArrayList<>(List.of(AgentState.available("ana"), AgentState.available("ben"),
                AgentState.available("cem"), AgentState.available("dia"), AgentState.available("eli")));
        Map<String, Integer> received = new TreeMap<>();

        for (int ticket = 0; ticket < 100; ticket++) {
            Instant now = NOW.plus(Duration.ofSeconds(ticket));
            Chosen chosen = (Chosen) AgentPicker.pick(ROUND_ROBIN, agents, TicketNeeds.none(), now);
            received.merge(chosen.agentId(), 1, Integer::sum);
            agents.replaceAll(agent -> agent.agentId().equals(chosen.agentId()) ? agent.assigned(now) : agent);
        }

        assertThat(received).hasSize(5);
        assertThat(received.values()).allSatisfy(count -> assertThat(count).isBetween(19, 21));
    }

    @Test
    void roundRobinStaysFairWhenAnAgentStepsAwayAndComesBack() {
        List<AgentState> agents = new ArrayList<>(List.of(AgentState.available("ana"), AgentState.available("ben"),
                AgentState.available("cem")));
        Map<String, Integer> received = new TreeMap<>();

        for (int ticket = 0; ticket < 90; ticket++) {
            Instant now = NOW.plus(Duration.ofSeconds(ticket));
            Availability ben = ticket >= 30 && ticket < 60 ? Availability.AWAY : Availability.AVAILABLE;
            agents.replaceAll(agent -> agent.agentId().equals("ben") ? agent.withAvailability(ben) : agent);
            Chosen chosen = (Chosen) AgentPicker.pick(ROUND_ROBIN, agents, TicketNeeds.none(), now);
            received.merge(chosen.agentId(), 1, Integer::sum);
            agents.replaceAll(agent -> agent.agentId().equals(chosen.agentId()) ? agent.assigned(now) : agent);
        }

        // ben misses the 30 tickets while away (15 each to the others) and takes his turn again afterwards
        assertThat(received).containsEntry("ana", 35).containsEntry("cem", 35).containsEntry("ben", 20);
    }

    @Test
    void roundRobinPicksWhoWasAssignedLongestAgoAndNewcomersFirst() {
        List<AgentState> agents = List.of(agent("ana", 0, NOW.minusSeconds(60)), agent("ben", 9, NOW.minusSeconds(600)),
                agent("cem", 0, NOW.minusSeconds(5)));

        assertThat(pick(ROUND_ROBIN, agents)).isEqualTo(new Chosen("ben", "round_robin"));
        assertThat(pick(ROUND_ROBIN, List.of(agents.get(0), agent("new", 0, null))))
                .isEqualTo(new Chosen("new", "round_robin"));
    }

    @Test
    void leastLoadedPicksTheAgentWithFewestOpenTickets() {
        List<AgentState> agents = List.of(agent("ana", 4, null), agent("ben", 2, NOW.minusSeconds(10)),
                agent("cem", 2, NOW.minusSeconds(99)), agent("dia", 7, null));

        assertThat(pick(LEAST_LOADED, agents)).isEqualTo(new Chosen("cem", "least_loaded"));
    }

    @Test
    void leastLoadedBySpareCapacityFavoursTheAgentWithMoreRoom() {
        GroupAssignment bySpare = new GroupAssignment(AssignmentStrategy.LEAST_LOADED, LoadMeasure.SPARE_CAPACITY,
                null, false, false);
        List<AgentState> agents = List.of(agent("junior", 2, null).withOpenTickets(2, 4),
                agent("senior", 6, null).withOpenTickets(6, 12));

        assertThat(pick(bySpare, agents)).isEqualTo(new Chosen("senior", "least_loaded"));
        assertThat(pick(LEAST_LOADED, agents)).isEqualTo(new Chosen("junior", "least_loaded"));
    }

    @Test
    void onlyAvailableAgentsWithinTheirScheduleAndUnderTheirCapReceiveTickets() {
        WeeklySchedule nightShiftInBerlin = WeeklySchedule.of(ZoneId.of("Europe/Berlin"),
                Map.of(DayOfWeek.MONDAY, List.of(new TimeSlot(LocalTime.of(22, 0), LocalTime.MAX))));
        GroupAssignment capped = new GroupAssignment(AssignmentStrategy.ROUND_ROBIN, null, 5, false, false);
        List<AgentState> agents = List.of(
                AgentState.available("away").withAvailability(Availability.AWAY),
                AgentState.available("offline").withAvailability(Availability.OFFLINE),
                AgentState.available("night").withSchedule(nightShiftInBerlin),
                agent("own-cap", 3, null).withOpenTickets(3, 3),
                agent("group-cap", 5, null),
                agent("free", 4, NOW));

        assertThat(AgentPicker.pick(capped, agents, TicketNeeds.none(), NOW)).isEqualTo(new Chosen("free", "round_robin"));
        assertThat(AgentPicker.pick(capped, agents.subList(0, 5), TicketNeeds.none(), NOW)).isEqualTo(
                new NobodyAvailable(Reason.NO_AGENT_ELIGIBLE, Map.of("away", Exclusion.AWAY,
                        "offline", Exclusion.OFFLINE, "night", Exclusion.OUTSIDE_SCHEDULE,
                        "own-cap", Exclusion.AT_CAPACITY, "group-cap", Exclusion.AT_CAPACITY)));
    }

    @Test
    void matchesSkillsAndLanguagesWhereTheGroupAsks() {
        GroupAssignment matching = new GroupAssignment(AssignmentStrategy.ROUND_ROBIN, null, null, true, true);
        List<AgentState> agents = List.of(
                AgentState.available("ana").withSkillsAndLanguages(Set.of("Billing"), Set.of("en")),
                AgentState.available("ben").withSkillsAndLanguages(Set.of("networking"), Set.of("de-DE", "en")),
                AgentState.available("cem").withSkillsAndLanguages(Set.of("billing", "networking"), Set.of("de")));
        TicketNeeds germanBilling = new TicketNeeds(Set.of("billing"), "de-AT");

        assertThat(AgentPicker.pick(matching, agents, germanBilling, NOW)).isEqualTo(new Chosen("cem", "round_robin"));
        assertThat(AgentPicker.pick(matching, agents.subList(0, 2), germanBilling, NOW)).isEqualTo(
                new NobodyAvailable(Reason.NO_AGENT_ELIGIBLE, Map.of("ana", Exclusion.LANGUAGE_NOT_SPOKEN,
                        "ben", Exclusion.LACKS_SKILLS)));
        assertThat(AgentPicker.pick(ROUND_ROBIN, agents.subList(0, 2), germanBilling, NOW))
                .isEqualTo(new Chosen("ana", "round_robin"));
    }

    @Test
    void aManualGroupOrAnEmptyOneAssignsNobody() {
        assertThat(pick(GroupAssignment.of(AssignmentStrategy.MANUAL), List.of(AgentState.available("ana"))))
                .isEqualTo(new NobodyAvailable(Reason.MANUAL_STRATEGY, Map.of()));
        assertThat(pick(ROUND_ROBIN, List.of())).isEqualTo(new NobodyAvailable(Reason.NO_AGENTS_IN_GROUP, Map.of()));
    }
}
