package org.autocrm.routing.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.autocrm.routing.sla.calendar.Calendars.BERLIN;
import static org.autocrm.routing.sla.calendar.Calendars.at;
import static org.autocrm.routing.sla.calendar.Calendars.berlin;
import static org.autocrm.routing.sla.calendar.Calendars.weekdays;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Business-time arithmetic as a support lead reads a due date: slots, weekends, holidays, clock changes, far zones. */
class BusinessTimeTest {

    private final BusinessCalendar nineToFive = weekdays("Europe/Berlin", "09:00-17:00");
    private final BusinessCalendar withLunch = weekdays("Europe/Berlin", "09:00-12:00", "13:00-17:00");

    @Test
    void fourBusinessHoursFromFridayHalfPastFourAreMondayHalfPastTwelve() {
        assertThat(nineToFive.plusMinutes(berlin("2026-03-13T16:30"), 240)).isEqualTo(berlin("2026-03-16T12:30"));
    }

    @Test
    void aLunchBreakIsNotBusinessTime() {
        // Friday 16:30-17:00, Monday 09:00-12:00, then 30 minutes after lunch
        assertThat(withLunch.plusMinutes(berlin("2026-03-13T16:30"), 240)).isEqualTo(berlin("2026-03-16T13:30"));
        assertThat(withLunch.plusMinutes(berlin("2026-03-16T11:00"), 60)).isEqualTo(berlin("2026-03-16T12:00"));
        assertThat(withLunch.plusMinutes(berlin("2026-03-16T12:30"), 1)).isEqualTo(berlin("2026-03-16T13:01"));
    }

    @Test
    void aTargetThatFillsTheDayIsDueAtClosingNotTheNextMorning() {
        assertThat(nineToFive.plusMinutes(berlin("2026-03-13T13:00"), 240)).isEqualTo(berlin("2026-03-13T17:00"));
    }

    @Test
    void aTicketOpenedOnSaturdayStartsCountingOnMondayMorning() {
        assertThat(nineToFive.plusMinutes(berlin("2026-03-14T10:00"), 60)).isEqualTo(berlin("2026-03-16T10:00"));
        assertThat(nineToFive.minutesBetween(berlin("2026-03-14T10:00"), berlin("2026-03-16T09:00"))).isZero();
    }

    @Test
    void noTimeAtAllIsTheStartItself() {
        Instant saturday = berlin("2026-03-14T10:00");
        assertThat(nineToFive.plusMinutes(saturday, 0)).isEqualTo(saturday);
    }

    @Test
    void refusesToAddNegativeTime() {
        assertThatThrownBy(() -> nineToFive.plusMinutes(berlin("2026-03-13T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHolidayOnMondayMovesTheDueTimeToTuesday() {
        BusinessCalendar easterMonday = nineToFive.withHolidays(List.of(new Holiday(LocalDate.parse("2026-04-06"), "Ostermontag")));
        // Good Friday is not a holiday in this calendar; Easter Monday is
        assertThat(easterMonday.plusMinutes(berlin("2026-04-03T16:30"), 240)).isEqualTo(berlin("2026-04-07T12:30"));
        assertThat(easterMonday.minutesBetween(berlin("2026-04-03T16:30"), berlin("2026-04-07T12:30"))).isEqualTo(240);
    }

    @Test
    void businessMinutesBetweenAreNegativeWhenReversed() {
        Instant friday = berlin("2026-03-13T16:30");
        Instant monday = berlin("2026-03-16T12:30");
        assertThat(nineToFive.minutesBetween(friday, monday)).isEqualTo(240);
        assertThat(nineToFive.minutesBetween(monday, friday)).isEqualTo(-240);
        assertThat(nineToFive.minutesBetween(friday, friday)).isZero();
    }

    @Test
    void aWeekdayDeskAcrossTheSpringClockChangeKeepsItsLocalHours() {
        // the clocks go forward on Sunday 2026-03-29; Monday still opens at 09:00 local time
        assertThat(nineToFive.plusMinutes(berlin("2026-03-27T16:30"), 240)).isEqualTo(berlin("2026-03-30T12:30"));
        assertThat(nineToFive.minutesBetween(berlin("2026-03-27T16:30"), berlin("2026-03-30T12:30"))).isEqualTo(240);
    }

    @Test
    void aWeekdayDeskAcrossTheAutumnClockChangeKeepsItsLocalHours() {
        // the clocks go back on Sunday 2026-10-25
        assertThat(nineToFive.plusMinutes(berlin("2026-10-23T16:30"), 240)).isEqualTo(berlin("2026-10-26T12:30"));
    }

    @Test
    void aNightShiftIsAnHourShorterWhenTheClocksGoForwardAndAnHourLongerWhenTheyGoBack() {
        BusinessCalendar nights = Calendars.week("Europe/Berlin", List.of(DayOfWeek.SUNDAY), "00:00-06:00");
        assertThat(nights.minutesBetween(berlin("2026-03-29T00:00"), berlin("2026-03-29T06:00"))).isEqualTo(5 * 60);
        assertThat(nights.minutesBetween(berlin("2026-10-25T00:00"), berlin("2026-10-25T06:00"))).isEqualTo(7 * 60);
        assertThat(nights.minutesBetween(berlin("2026-03-22T00:00"), berlin("2026-03-22T06:00"))).isEqualTo(6 * 60);
        // five real hours after midnight on the short night is 06:00 local
        assertThat(nights.plusMinutes(berlin("2026-03-29T00:00"), 5 * 60)).isEqualTo(berlin("2026-03-29T06:00"));
    }

    @Test
    void aSlotInsideTheHourThatDoesNotExistIsNotOpen() {
        BusinessCalendar gap = Calendars.week("Europe/Berlin", List.of(DayOfWeek.SUNDAY), "02:00-03:00");
        assertThat(gap.minutesBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isZero();
        assertThat(gap.minutesBetween(berlin("2026-03-22T00:00"), berlin("2026-03-23T00:00"))).isEqualTo(60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "America/Havana", "UTC"})
    void aDeskOpenAroundTheClockCountsRealTimeThroughEveryClockChange(String zone) {
        BusinessCalendar always = Calendars.allDayEveryDay(zone);
        Instant start = Instant.parse("2026-01-01T10:17:00Z");
        for (int days = 1; days <= 400; days += 13) {
            Duration span = Duration.ofDays(days).plusMinutes(days * 7L);
            assertThat(always.after(start, span)).as("%s + %s", zone, span).isEqualTo(start.plus(span));
            assertThat(always.between(start, start.plus(span))).as("%s over %s", zone, span).isEqualTo(span);
        }
    }

    @Test
    void aDeskFarEastOfUtcCountsItsOwnMondayNotUtcs() {
        // Kiritimati is UTC+14: Sunday 20:00 UTC is Monday 10:00 there
        BusinessCalendar kiritimati = weekdays("Pacific/Kiritimati", "09:00-17:00");
        Instant sundayUtc = Instant.parse("2026-03-15T20:00:00Z");
        assertThat(kiritimati.isOpen(sundayUtc)).isTrue();
        assertThat(kiritimati.plusMinutes(sundayUtc, 120)).isEqualTo(at(ZoneId.of("Pacific/Kiritimati"), "2026-03-16T12:00"));
    }

    @Test
    void aDeskFarWestOfUtcCountsItsOwnFriday() {
        // Pago Pago is UTC-11: Saturday 03:00 UTC is still Friday 16:00 there
        ZoneId pagoPago = ZoneId.of("Pacific/Pago_Pago");
        BusinessCalendar samoa = weekdays(pagoPago.getId(), "09:00-17:00");
        Instant saturdayUtc = Instant.parse("2026-03-14T03:00:00Z");
        assertThat(samoa.plusMinutes(saturdayUtc, 120)).isEqualTo(at(pagoPago, "2026-03-16T10:00"));
    }

    @Test
    void aHalfHourZoneCountsItsOwnSlots() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        BusinessCalendar india = weekdays(kolkata.getId(), "09:30-18:00");
        assertThat(india.plusMinutes(at(kolkata, "2026-03-13T17:00"), 120)).isEqualTo(at(kolkata, "2026-03-16T10:30"));
    }

    @Test
    void calendarHoursCountEveryMinuteThroughWeekendsAndClockChanges() {
        WorkingTime clock = WorkingTime.AROUND_THE_CLOCK;
        assertThat(clock.plusMinutes(berlin("2026-03-28T22:00"), 24 * 60)).isEqualTo(berlin("2026-03-29T23:00"));
        assertThat(clock.minutesBetween(berlin("2026-03-29T00:00"), berlin("2026-03-29T06:00"))).isEqualTo(5 * 60);
        assertThat(clock.minutesBetween(berlin("2026-03-29T06:00"), berlin("2026-03-29T00:00"))).isEqualTo(-5 * 60);
    }

    @Test
    void aYearOfBusinessTimeIsCountedWithoutWalkingEveryMinute() {
        BusinessCalendar germany = withLunch.withHolidays(List.of(
                new Holiday(LocalDate.parse("2026-12-24"), null), new Holiday(LocalDate.parse("2026-12-25"), null)));
        Instant start = berlin("2026-01-05T09:00");
        Instant end = berlin("2027-01-04T09:00");
        // 52 weeks of 5 days of 7 hours, less two weekday holidays
        long expected = (52L * 5 - 2) * 7 * 60;
        assertThat(germany.minutesBetween(start, end)).isEqualTo(expected);
        assertThat(germany.plusMinutes(start, expected)).isEqualTo(berlin("2027-01-01T17:00"));
    }

    @Test
    void seesWhenTheDeskIsOpen() {
        assertThat(withLunch.isOpen(berlin("2026-03-16T09:00"))).isTrue();
        assertThat(withLunch.isOpen(berlin("2026-03-16T12:00"))).isFalse();
        assertThat(withLunch.isOpen(berlin("2026-03-16T16:59"))).isTrue();
        assertThat(withLunch.isOpen(berlin("2026-03-16T17:00"))).isFalse();
        assertThat(withLunch.isOpen(berlin("2026-03-14T10:00"))).isFalse();
        assertThat(BERLIN).isEqualTo(withLunch.zone());
    }
}
