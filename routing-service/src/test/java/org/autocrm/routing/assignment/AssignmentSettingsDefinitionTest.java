package org.autocrm.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.assignment.AgentSettingsDefinition.SlotDefinition;
import org.junit.jupiter.api.Test;

/** What an admin reads when group or agent settings are refused, and what accepted settings mean. */
class AssignmentSettingsDefinitionTest {

    @Test
    void aGroupWithAnUnknownStrategyLoadMeasureAndANegativeCapIsRefusedNamingEachField() {
        InvalidSettings refused = catchThrowableOfType(InvalidSettings.class,
                () -> new GroupSettingsDefinition("fastest", "vibes", null, null, -1).validate());

        assertThat(refused.problems()).extracting(SettingsProblem::field)
                .containsExactly("strategy", "loadMeasure", "maxOpenPerAgent");
        assertThat(refused.problems().get(0).message()).contains("\"fastest\"").contains("round_robin");
    }

    @Test
    void aGroupLeftMostlyEmptyReadsAsOpenTicketsWithoutMatchingOrCap() {
        GroupAssignment group = new GroupSettingsDefinition("Least_Loaded", null, null, null, null).validate();

        assertThat(group).isEqualTo(new GroupAssignment(AssignmentStrategy.LEAST_LOADED, LoadMeasure.OPEN_TICKETS,
                null, false, false));
        assertThat(GroupSettingsDefinition.of(group).strategy()).isEqualTo("least_loaded");
    }

    @Test
    void anAgentWithOverlappingSlotsANegativeCapacityAndAnUnknownZoneIsRefusedNamingEachField() {
        InvalidSettings refused = catchThrowableOfType(InvalidSettings.class, () -> new AgentSettingsDefinition(
                List.of("billing", " "), List.of("en"), -1, "Mars/Olympus",
                Map.of("monday", List.of(new SlotDefinition("09:00", "13:00"), new SlotDefinition("12:30", "17:00")),
                        "tuesday", List.of(new SlotDefinition("9am", "25:00"))),
                null, List.of("tier 1")).validate());

        assertThat(refused.problems()).extracting(SettingsProblem::field).containsExactlyInAnyOrder("skills[1]",
                "capacity", "timeZone", "schedule.monday[1]", "schedule.tuesday[0].start", "schedule.tuesday[0].end",
                "status", "groups[0]");
        assertThat(refused.problems()).filteredOn(p -> p.field().equals("schedule.monday[1]"))
                .extracting(SettingsProblem::message).containsExactly("overlaps schedule.monday[0] (09:00–13:00)");
    }

    @Test
    void anAgentsScheduleFollowsTheirTimeZoneAndEndsTheDayAt2400() {
        AgentProfile profile = new AgentSettingsDefinition(null, List.of("de"), 5, "Europe/Berlin",
                Map.of("Monday", List.of(new SlotDefinition("20:00", "24:00"))), "available", List.of("tier-1"))
                .validate();

        assertThat(profile.schedule()).containsEntry(DayOfWeek.MONDAY,
                List.of(new TimeSlot(LocalTime.of(20, 0), LocalTime.MAX)));
        assertThat(profile.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        // Monday 2026-12-07 22:30 in Berlin is 21:30 UTC: working; Tuesday 00:30 in Berlin is not
        assertThat(profile.workingAt(Instant.parse("2026-12-07T21:30:00Z"))).isTrue();
        assertThat(profile.workingAt(Instant.parse("2026-12-07T23:30:00Z"))).isFalse();
        assertThat(profile.withStatus(Availability.AWAY).workingAt(Instant.parse("2026-12-07T21:30:00Z"))).isFalse();
        assertThat(AgentSettingsDefinition.of(profile).schedule().get("monday").get(0).end()).isEqualTo("24:00");
    }
}
