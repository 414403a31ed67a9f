package org.autocrm.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static final WeeklySchedule BERLIN_WEEKDAYS = WeeklySchedule.of(ZoneId.of("Europe/Berlin"), Map.of(
            DayOfWeek.MONDAY, List.of(new TimeSlot(LocalTime.of(13, 0), LocalTime.of(17, 0)),
                    new TimeSlot(LocalTime.of(9, 0), LocalTime.of(12, 0))),
            DayOfWeek.FRIDAY, List.of(new TimeSlot(LocalTime.of(9, 0), LocalTime.of(12, 0)))));

    @Test
    void followsTheAgentsOwnClock() {
        // Monday 2 March 2026: Berlin is UTC+1
        assertThat(BERLIN_WEEKDAYS.isWithin(Instant.parse("2026-03-02T08:00:00Z"))).isTrue();
        assertThat(BERLIN_WEEKDAYS.isWithin(Instant.parse("2026-03-02T07:59:59Z"))).isFalse();
        assertThat(BERLIN_WEEKDAYS.isWithin(Instant.parse("2026-03-02T11:30:00Z"))).isFalse(); // lunch
        assertThat(BERLIN_WEEKDAYS.isWithin(Instant.parse("2026-03-02T15:59:59Z"))).isTrue();
        assertThat(BERLIN_WEEKDAYS.isWithin(Instant.parse("2026-03-02T16:00:00Z"))).isFalse(); // end is exclusive
        assertThat(BERLIN_WEEKDAYS.isWithin(Instant.parse("2026-03-03T09:00:00Z"))).isFalse(); // Tuesday: no slot
    }

    @Test
    void keepsLocalHoursAcrossTheChangeToSummerTime() {
        // Friday 3 April 2026: Berlin is UTC+2, so 09:00 local is 07:00 UTC
        assertThat(BERLIN_WEEKDAYS.isWithin(Instant.parse("2026-04-03T07:00:00Z"))).isTrue();
        assertThat(BERLIN_WEEKDAYS.isWithin(Instant.parse("2026-04-03T10:30:00Z"))).isFalse();
    }

    @Test
    void anAgentWithoutScheduleIsAlwaysWithinIt() {
        assertThat(WeeklySchedule.always().isWithin(Instant.parse("2026-03-08T03:00:00Z"))).isTrue();
    }

    @Test
    void refusesOverlappingOrBackwardSlotsNamingTheSlot() {
        ZoneId utc = ZoneId.of("UTC");
        assertThatThrownBy(() -> WeeklySchedule.of(utc, Map.of(DayOfWeek.TUESDAY, List.of(
                new TimeSlot(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new TimeSlot(LocalTime.of(11, 0), LocalTime.of(14, 0))))))
                .isInstanceOf(InvalidSchedule.class).hasMessage("TUESDAY[1]: overlaps TUESDAY[0]");
        assertThatThrownBy(() -> WeeklySchedule.of(utc, Map.of(DayOfWeek.SUNDAY, List.of(
                new TimeSlot(LocalTime.of(18, 0), LocalTime.of(2, 0))))))
                .isInstanceOf(InvalidSchedule.class)
                .hasMessage("SUNDAY[0]: a slot must end after it starts (18:00–02:00)");
    }
}
