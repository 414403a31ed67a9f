package org.autocrm.routing.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.autocrm.routing.sla.calendar.Calendars.BERLIN;
import static org.autocrm.routing.sla.calendar.Calendars.berlin;

import java.time.LocalDate;
import java.util.List;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;
import org.junit.jupiter.api.Test;

/** Holidays from the iCalendar files holiday feeds and calendar apps export. */
class ICalendarHolidaysTest {

    @Test
    void readsAllDayEventsOfAPublicHolidayFeed() {
        String feed = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Feiertage//DE\r
                BEGIN:VEVENT\r
                UID:1@feiertage\r
                DTSTART;VALUE=DATE:20261225\r
                DTEND;VALUE=DATE:20261226\r
                SUMMARY:1. Weihnachtstag\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                DTSTART;VALUE=DATE:20261226\r
                SUMMARY:2. Weihnachtstag\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;

        HolidayImport read = ICalendarHolidays.read(feed, BERLIN);

        assertThat(read.holidays()).containsExactly(
                new Holiday(LocalDate.parse("2026-12-25"), "1. Weihnachtstag"),
                new Holiday(LocalDate.parse("2026-12-26"), "2. Weihnachtstag"));
        assertThat(read.notes()).isEmpty();
    }

    @Test
    void anEventOverSeveralDaysClosesEachOfThemUpToItsEnd() {
        HolidayImport read = ICalendarHolidays.read(calendar("""
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261228
                DTEND;VALUE=DATE:20261231
                SUMMARY:Betriebsferien
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260518
                DURATION:P2D
                SUMMARY:Offsite
                END:VEVENT
                """), BERLIN);

        assertThat(read.holidays()).extracting(Holiday::date).extracting(LocalDate::toString)
                .containsExactly("2026-05-18", "2026-05-19", "2026-12-28", "2026-12-29", "2026-12-30");
    }

    @Test
    void anEventWithTimesClosesOnlyTheWholeDaysItCovers() {
        HolidayImport read = ICalendarHolidays.read(calendar("""
                BEGIN:VEVENT
                DTSTART;TZID=Europe/Berlin:20261224T000000
                DTEND;TZID=Europe/Berlin:20261227T000000
                SUMMARY:Christmas closure
                END:VEVENT
                BEGIN:VEVENT
                DTSTART:20261230T120000
                DTEND:20270102T100000
                SUMMARY:New year
                END:VEVENT
                BEGIN:VEVENT
                DTSTART:20260612T130000
                DTEND:20260612T170000
                SUMMARY:Team afternoon
                END:VEVENT
                """), BERLIN);

        assertThat(read.holidays()).extracting(Holiday::date).extracting(LocalDate::toString)
                .containsExactly("2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01");
        assertThat(read.notes()).containsExactly(
                "line 13 ('Team afternoon'): covers no whole day (2026-06-12T13:00 to 2026-06-12T17:00), skipped");
    }

    @Test
    void readsUtcTimesInTheCalendarsZone() {
        // 2026-12-23T23:00Z is midnight in Berlin
        HolidayImport read = ICalendarHolidays.read(calendar("""
                BEGIN:VEVENT
                DTSTART:20261223T230000Z
                DTEND:20261224T230000Z
                SUMMARY:Heiligabend
                END:VEVENT
                """), BERLIN);

        assertThat(read.holidays()).containsExactly(new Holiday(LocalDate.parse("2026-12-24"), "Heiligabend"));
    }

    @Test
    void unfoldsLongLinesUnescapesNamesAndIgnoresAlarms() {
        HolidayImport read = ICalendarHolidays.read(calendar("""
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261003
                SUMMARY:Tag der Deutschen\\, Einheit \\; 
                  national
                BEGIN:VALARM
                TRIGGER:-PT15M
                DTSTART:20991231T000000
                END:VALARM
                END:VEVENT
                """), BERLIN);

        assertThat(read.holidays()).containsExactly(new Holiday(LocalDate.parse("2026-10-03"), "Tag der Deutschen, Einheit ; national"));
    }

    @Test
    void skipsCancelledEventsAndSaysThatRepeatsAreNotExpanded() {
        HolidayImport read = ICalendarHolidays.read(calendar("""
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260501
                SUMMARY:Tag der Arbeit
                RRULE:FREQ=YEARLY
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260601
                SUMMARY:Cancelled party
                STATUS:CANCELLED
                END:VEVENT
                """), BERLIN);

        assertThat(read.holidays()).extracting(Holiday::date).containsExactly(LocalDate.parse("2026-05-01"));
        assertThat(read.notes()).containsExactly(
                "line 3 ('Tag der Arbeit'): repeats (RRULE); only 2026-05-01 was imported, list further years' dates as events of their own",
                "line 8 ('Cancelled party'): cancelled event, skipped");
    }

    @Test
    void refusesTextThatIsNotICalendar() {
        assertThat(problems("Christmas: 2026-12-25")).containsExactly(
                "ics: not an iCalendar document: it must begin with BEGIN:VCALENDAR");
        assertThat(problems(null)).containsExactly("ics: not an iCalendar document: it must begin with BEGIN:VCALENDAR");
    }

    @Test
    void refusesADocumentWithoutEvents() {
        assertThat(problems(calendar(""))).containsExactly("ics: no events (VEVENT) in the document, so no holidays to import");
    }

    @Test
    void namesTheLineOfEveryEventItCannotRead() {
        assertThat(problems(calendar("""
                BEGIN:VEVENT
                SUMMARY:No start
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:2026-12-25
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261227
                DTEND;VALUE=DATE:20261220
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260101
                DTEND;VALUE=DATE:20300101
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261231
                """))).containsExactly(
                "ics: line 3: the event has no DTSTART",
                "ics: line 6: DTSTART '2026-12-25' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)",
                "ics: line 9: the event ends (2026-12-20T00:00) before it starts (2026-12-27T00:00)",
                "ics: line 13: the event lasts longer than 366 days; is DTEND right?",
                "ics: line 17: the event never ends (no END:VEVENT)");
    }

    @Test
    void importedHolidaysMoveDueTimes() {
        BusinessCalendar desk = Calendars.weekdays("Europe/Berlin", "09:00-17:00");
        HolidayImport read = ICalendarHolidays.read(calendar("""
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261224
                DTEND;VALUE=DATE:20261227
                END:VEVENT
                """), BERLIN);

        BusinessCalendar withChristmas = desk.withHolidays(read.holidays());

        // Wednesday 23 December 16:00 + 2 business hours: Thursday and Friday are closed, so Monday 10:00
        assertThat(desk.plusMinutes(berlin("2026-12-23T16:00"), 120)).isEqualTo(berlin("2026-12-24T10:00"));
        assertThat(withChristmas.plusMinutes(berlin("2026-12-23T16:00"), 120)).isEqualTo(berlin("2026-12-28T10:00"));
        assertThat(withChristmas.holidays()).hasSize(3);
    }

    private static String calendar(String events) {
        return "BEGIN:VCALENDAR\nVERSION:2.0\n" + events + "END:VCALENDAR\n";
    }

    private static List<String> problems(String ics) {
        return catchThrowableOfType(() -> ICalendarHolidays.read(ics, BERLIN), SlaSettingsRejected.class)
                .problems().stream().map(FieldProblem::toString).toList();
    }
}
