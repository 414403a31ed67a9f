package org.autocrm.routing.sla.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;

/**
 * A business calendar as an admin sends it, every value as text so that each mistake can be named by its field:
 * {@code zone} (IANA, e.g. {@code Europe/Berlin}), {@code slots} by weekday ({@code MONDAY}, any case) each a list of
 * {@code {start, end}} in {@code HH:mm} (end up to {@code 24:00}), and {@code holidays} ({@code YYYY-MM-DD}).
 */
public record CalendarDefinition(String zone, Map<String, List<SlotDefinition>> slots,
                                 List<HolidayDefinition> holidays) {

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

    /** Everything wrong with this definition; empty when {@link #toCalendar()} will succeed. */
    public List<FieldProblem> problems() {
        return new Reading().problems;
    }

    /** The calendar, or {@link SlaSettingsRejected} ({@code CALENDAR_INVALID}) naming every problem. */
    public BusinessCalendar toCalendar() {
        Reading reading = new Reading();
        if (!reading.problems.isEmpty()) {
            throw new SlaSettingsRejected(SlaSettingsRejected.Reason.CALENDAR_INVALID, reading.problems);
        }
        return new BusinessCalendar(reading.zone, reading.slots, reading.holidays);
    }

    /** One pass over the definition, collecting the parts and the problems. */
    private final class Reading {

        final List<FieldProblem> problems = new ArrayList<>();
        ZoneId zone;
        final Map<DayOfWeek, List<TimeSlot>> slots = new EnumMap<>(DayOfWeek.class);
        final List<Holiday> holidays = new ArrayList<>();

        Reading() {
            readZone();
            readSlots();
            readHolidays();
        }

        private void readZone() {
            if (CalendarDefinition.this.zone == null || CalendarDefinition.this.zone.isBlank()) {
                problem("zone", "required: an IANA time zone such as Europe/Berlin");
                return;
            }
            try {
                zone = ZoneId.of(CalendarDefinition.this.zone.trim());
            } catch (DateTimeException unknown) {
                problem("zone", "unknown time zone '" + CalendarDefinition.this.zone + "'; use an IANA name such as Europe/Berlin");
                return;
            }
            if (zone instanceof ZoneOffset) {
                problem("zone", "'" + CalendarDefinition.this.zone + "' is a fixed offset; use an IANA name such as Europe/Berlin so daylight saving time is followed");
                zone = null;
            }
        }

        private void readSlots() {
            Map<String, List<SlotDefinition>> given = CalendarDefinition.this.slots == null ? Map.of() : CalendarDefinition.this.slots;
            Map<DayOfWeek, String> keys = new HashMap<>();
            given.forEach((key, daySlots) -> {
                String field = "slots." + key;
                DayOfWeek day = weekday(key);
                if (day == null) {
                    problem(field, "not a weekday; use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY");
                    return;
                }
                String earlier = keys.putIfAbsent(day, key);
                if (earlier != null) {
                    problem(field, day + " is given twice (also as '" + earlier + "')");
                    return;
                }
                slots.put(day, readDay(field, daySlots == null ? List.of() : daySlots));
            });
            if (slots.values().stream().allMatch(List::isEmpty) && problems.stream().noneMatch(p -> p.field().startsWith("slots"))) {
                problem("slots", "no time slots at all: give at least one weekday a slot such as 09:00–17:00");
            }
        }

        private List<TimeSlot> readDay(String field, List<SlotDefinition> given) {
            record Indexed(int index, TimeSlot slot) {
            }
            List<Indexed> valid = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                String slotField = field + "[" + i + "]";
                SlotDefinition definition = given.get(i);
                if (definition == null) {
                    problem(slotField, "required: a slot with start and end");
                    continue;
                }
                Integer start = minuteOfDay(slotField + ".start", definition.start(), false);
                Integer end = minuteOfDay(slotField + ".end", definition.end(), true);
                if (start == null || end == null) {
                    continue;
                }
                if (end < start) {
                    problem(slotField, "ends at " + TimeSlot.clock(end) + ", before it starts at " + TimeSlot.clock(start));
                } else if (end.equals(start)) {
                    problem(slotField, "starts and ends at " + TimeSlot.clock(start) + "; a slot needs a length");
                } else {
                    valid.add(new Indexed(i, new TimeSlot(start, end)));
                }
            }
            valid.sort(Comparator.comparingInt(indexed -> indexed.slot().fromMinute()));
            List<TimeSlot> daySlots = new ArrayList<>();
            for (Indexed indexed : valid) {
                TimeSlot previous = daySlots.isEmpty() ? null : daySlots.get(daySlots.size() - 1);
                if (previous != null && indexed.slot().fromMinute() < previous.toMinute()) {
                    problem(field + "[" + indexed.index() + "]", "overlaps " + previous);
                } else {
                    daySlots.add(indexed.slot());
                }
            }
            return daySlots;
        }

        private Integer minuteOfDay(String field, String text, boolean mayBeEndOfDay) {
            if (text == null || text.isBlank()) {
                problem(field, "required: a time of day as HH:mm");
                return null;
            }
            Matcher matcher = CLOCK.matcher(text.trim());
            if (matcher.matches()) {
                int hour = Integer.parseInt(matcher.group(1));
                int minute = Integer.parseInt(matcher.group(2));
                if (hour == 24 && minute == 0) {
                    if (mayBeEndOfDay) {
                        return TimeSlot.END_OF_DAY;
                    }
                    problem(field, "24:00 can only end a slot; start at 00:00");
                    return null;
                }
                if (hour < 24 && minute < 60) {
                    return hour * 60 + minute;
                }
            }
            problem(field, "'" + text + "' is not a time of day; use HH:mm from 00:00 to " + (mayBeEndOfDay ? "24:00" : "23:59"));
            return null;
        }

        private void readHolidays() {
            List<HolidayDefinition> given = CalendarDefinition.this.holidays == null ? List.of() : CalendarDefinition.this.holidays;
            Map<LocalDate, Integer> seen = new HashMap<>();
            for (int i = 0; i < given.size(); i++) {
                String field = "holidays[" + i + "]";
                HolidayDefinition definition = given.get(i);
                if (definition == null || definition.date() == null || definition.date().isBlank()) {
                    problem(field + ".date", "required: a date as YYYY-MM-DD");
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(definition.date().trim());
                } catch (DateTimeParseException notADate) {
                    problem(field + ".date", "'" + definition.date() + "' is not a date; use YYYY-MM-DD");
                    continue;
                }
                Integer earlier = seen.putIfAbsent(date, i);
                if (earlier != null) {
                    problem(field + ".date", date + " is already holidays[" + earlier + "]");
                    continue;
                }
                String name = definition.name() == null || definition.name().isBlank() ? null : definition.name().trim();
                holidays.add(new Holiday(date, name));
            }
        }

        private DayOfWeek weekday(String key) {
            if (key == null) {
                return null;
            }
            try {
                return DayOfWeek.valueOf(key.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notADay) {
                return null;
            }
        }

        private void problem(String field, String message) {
            problems.add(new FieldProblem(field, message));
        }
    }
}
