package org.autocrm.routing.sla.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calendars the SLA tests talk about, built through the same definitions an admin sends. */
public final class Calendars {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Calendars() {
    }

    /** Monday to Friday with the same slots, e.g. {@code "09:00-17:00"} or {@code "09:00-12:00", "13:00-17:00"}. */
    public static BusinessCalendar weekdays(String zone, String... slots) {
        return week(zone, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), slots);
    }

    /** The given days with the same slots. */
    public static BusinessCalendar week(String zone, List<DayOfWeek> days, String... slots) {
        Map<String, List<SlotDefinition>> byDay = new LinkedHashMap<>();
        List<SlotDefinition> daySlots = Arrays.stream(slots).map(slot -> slot.split("-"))
                .map(parts -> new SlotDefinition(parts[0], parts[1])).toList();
        days.forEach(day -> byDay.put(day.name(), daySlots));
        return new CalendarDefinition(zone, byDay, List.of()).toCalendar();
    }

    /** Every day, all day: business time is real time. */
    public static BusinessCalendar allDayEveryDay(String zone) {
        return week(zone, List.of(DayOfWeek.values()), "00:00-24:00");
    }

    /** A wall-clock time in Berlin, e.g. {@code berlin("2026-03-27T16:30")}. */
    public static Instant berlin(String localDateTime) {
        return at(BERLIN, localDateTime);
    }

    public static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
