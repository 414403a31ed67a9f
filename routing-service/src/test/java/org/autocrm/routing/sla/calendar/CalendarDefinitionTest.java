package org.autocrm.routing.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;
import org.junit.jupiter.api.Test;

/** What an admin is told about a calendar that cannot be used, field by field, and what a good one becomes. */
class CalendarDefinitionTest {

    private static final List<SlotDefinition> NINE_TO_FIVE = List.of(new SlotDefinition("09:00", "17:00"));

    @Test
    void aGoodDefinitionBecomesACalendarThatDefinesItselfTheSameWay() {
        CalendarDefinition given = new CalendarDefinition("Europe/Berlin",
                Map.of("monday", List.of(new SlotDefinition("13:00", "17:00"), new SlotDefinition("9:00", "12:00")),
                        "SATURDAY", List.of(new SlotDefinition("22:00", "24:00"))),
                List.of(new HolidayDefinition("2026-12-25", " 1. Weihnachtstag ")));

        BusinessCalendar calendar = given.toCalendar();

        assertThat(given.problems()).isEmpty();
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(calendar.slots(DayOfWeek.MONDAY)).extracting(TimeSlot::toString).containsExactly("09:00–12:00", "13:00–17:00");
        assertThat(calendar.slots(DayOfWeek.SATURDAY)).extracting(TimeSlot::toString).containsExactly("22:00–24:00");
        assertThat(calendar.slots(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(calendar.holidays()).containsExactly(new Holiday(LocalDate.parse("2026-12-25"), "1. Weihnachtstag"));
        assertThat(calendar.definition().toCalendar()).isEqualTo(calendar);
        assertThat(calendar.definition().slots().get("MONDAY"))
                .containsExactly(new SlotDefinition("09:00", "12:00"), new SlotDefinition("13:00", "17:00"));
    }

    @Test
    void namesTheSlotThatOverlapsAnother() {
        assertThat(problems(new CalendarDefinition("Europe/Berlin", Map.of("MONDAY", List.of(
                new SlotDefinition("09:00", "12:00"), new SlotDefinition("11:00", "17:00"))), List.of())))
                .containsExactly("slots.MONDAY[1]: overlaps 09:00–12:00");
    }

    @Test
    void slotsThatMeetDoNotOverlap() {
        assertThat(new CalendarDefinition("Europe/Berlin", Map.of("MONDAY", List.of(
                new SlotDefinition("12:00", "17:00"), new SlotDefinition("09:00", "12:00"))), List.of()).problems()).isEmpty();
    }

    @Test
    void namesASlotThatEndsBeforeItStartsOrWhenItStarts() {
        assertThat(problems(new CalendarDefinition("Europe/Berlin", Map.of("TUESDAY", List.of(
                new SlotDefinition("17:00", "09:00"), new SlotDefinition("10:00", "10:00"))), List.of())))
                .containsExactly("slots.TUESDAY[0]: ends at 09:00, before it starts at 17:00",
                        "slots.TUESDAY[1]: starts and ends at 10:00; a slot needs a length");
    }

    @Test
    void namesTimesThatAreNotTimesOfDay() {
        assertThat(problems(new CalendarDefinition("Europe/Berlin", Map.of("WEDNESDAY", List.of(
                new SlotDefinition("9am", "25:00"), new SlotDefinition("24:00", "24:00"), new SlotDefinition(null, "17:00"))),
                List.of())))
                .containsExactly("slots.WEDNESDAY[0].start: '9am' is not a time of day; use HH:mm from 00:00 to 23:59",
                        "slots.WEDNESDAY[0].end: '25:00' is not a time of day; use HH:mm from 00:00 to 24:00",
                        "slots.WEDNESDAY[1].start: 24:00 can only end a slot; start at 00:00",
                        "slots.WEDNESDAY[2].start: required: a time of day as HH:mm");
    }

    @Test
    void namesAnUnknownTimeZone() {
        assertThat(problems(new CalendarDefinition("Europe/Berln", Map.of("MONDAY", NINE_TO_FIVE), List.of())))
                .containsExactly("zone: unknown time zone 'Europe/Berln'; use an IANA name such as Europe/Berlin");
        assertThat(problems(new CalendarDefinition(" ", Map.of("MONDAY", NINE_TO_FIVE), List.of())))
                .containsExactly("zone: required: an IANA time zone such as Europe/Berlin");
    }

    @Test
    void refusesAFixedOffsetThatWouldIgnoreDaylightSavingTime() {
        assertThat(problems(new CalendarDefinition("+01:00", Map.of("MONDAY", NINE_TO_FIVE), List.of())))
                .containsExactly("zone: '+01:00' is a fixed offset; use an IANA name such as Europe/Berlin so daylight saving time is followed");
    }

    @Test
    void refusesACalendarWithoutAnySlot() {
        Map<String, List<SlotDefinition>> emptyDays = new LinkedHashMap<>();
        emptyDays.put("MONDAY", List.of());
        assertThat(problems(new CalendarDefinition("Europe/Berlin", emptyDays, List.of())))
                .containsExactly("slots: no time slots at all: give at least one weekday a slot such as 09:00–17:00");
        assertThat(problems(new CalendarDefinition("Europe/Berlin", null, null)))
                .containsExactly("slots: no time slots at all: give at least one weekday a slot such as 09:00–17:00");
    }

    @Test
    void namesAWeekdayItDoesNotKnowAndOneGivenTwice() {
        Map<String, List<SlotDefinition>> slots = new LinkedHashMap<>();
        slots.put("MONDAY", NINE_TO_FIVE);
        slots.put("Monday", NINE_TO_FIVE);
        slots.put("MONDAAY", NINE_TO_FIVE);
        assertThat(problems(new CalendarDefinition("Europe/Berlin", slots, List.of()))).containsExactly(
                "slots.Monday: MONDAY is given twice (also as 'MONDAY')",
                "slots.MONDAAY: not a weekday; use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY");
    }

    @Test
    void namesHolidaysThatAreNoDatesOrGivenTwice() {
        assertThat(problems(new CalendarDefinition("Europe/Berlin", Map.of("MONDAY", NINE_TO_FIVE), List.of(
                new HolidayDefinition("2026-12-25", null), new HolidayDefinition("2026-13-01", null),
                new HolidayDefinition(null, "Boxing Day"), new HolidayDefinition("2026-12-25", "again")))))
                .containsExactly("holidays[1].date: '2026-13-01' is not a date; use YYYY-MM-DD",
                        "holidays[2].date: required: a date as YYYY-MM-DD",
                        "holidays[3].date: 2026-12-25 is already holidays[0]");
    }

    @Test
    void refusingNamesEveryProblemAtOnceWithAStableReason() {
        CalendarDefinition bad = new CalendarDefinition("Mars/Olympus", Map.of("MONDAY", List.of(
                new SlotDefinition("09:00", "12:00"), new SlotDefinition("10:00", "11:00"))), List.of());

        SlaSettingsRejected rejected = catchThrowableOfType(bad::toCalendar, SlaSettingsRejected.class);

        assertThat(rejected.reason()).isEqualTo(SlaSettingsRejected.Reason.CALENDAR_INVALID);
        assertThat(rejected.problems()).extracting(FieldProblem::field).containsExactly("zone", "slots.MONDAY[1]");
    }

    private static List<String> problems(CalendarDefinition definition) {
        return definition.problems().stream().map(FieldProblem::toString).toList();
    }
}
