package org.autocrm.routing.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What assignment knows about one agent, as admins, team leads and the agent set it: skills, languages, their own
 * cap, time zone and weekly schedule, status, and the groups they take tickets for. Group membership is kept here
 * (ticket events do not carry it): an agent receives a group's tickets only when the group is listed.
 *
 * @param capacity the most open tickets this agent takes, or null for no personal cap
 * @param schedule slots per weekday in {@code timeZone}; empty means always within schedule
 */
public record AgentProfile(Set<String> skills, Set<String> languages, Integer capacity, ZoneId timeZone,
                           Map<DayOfWeek, List<TimeSlot>> schedule, Availability status, Set<String> groups) {

    public AgentProfile {
        skills = Set.copyOf(skills);
        languages = Set.copyOf(languages);
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        Map<DayOfWeek, List<TimeSlot>> copy = new EnumMap<>(DayOfWeek.class);
        schedule.forEach((day, slots) -> copy.put(day, List.copyOf(slots)));
        schedule = Map.copyOf(copy);
        groups = Set.copyOf(groups);
    }

    /** An agent nobody has described yet: offline, in no group. */
    public static AgentProfile unknown() {
        return new AgentProfile(Set.of(), Set.of(), null, ZoneId.of("UTC"), Map.of(), Availability.OFFLINE, Set.of());
    }

    public WeeklySchedule weeklySchedule() {
        return schedule.isEmpty() ? WeeklySchedule.always() : WeeklySchedule.of(timeZone, schedule);
    }

    /** Available and within their schedule at {@code now}: whether they can work on tickets at all. */
    public boolean workingAt(Instant now) {
        return status == Availability.AVAILABLE && weeklySchedule().isWithin(now);
    }

    public AgentState state(String agentId, int openTickets, Instant lastAssignedAt) {
        return new AgentState(agentId, status, weeklySchedule(), openTickets, capacity, skills, languages,
                lastAssignedAt);
    }

    public AgentProfile withStatus(Availability newStatus) {
        return new AgentProfile(skills, languages, capacity, timeZone, schedule, newStatus, groups);
    }

    /** A slot's end as written: {@code 24:00} for the end of the day. */
    public static String wireTime(LocalTime time) {
        return time.equals(LocalTime.MAX) ? "24:00" : time.toString();
    }
}
