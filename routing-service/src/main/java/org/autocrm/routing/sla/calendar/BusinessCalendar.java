package org.autocrm.routing.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When a support desk is open: a time zone, time slots per weekday and holidays. Immutable and always valid: it is
 * made from a {@link CalendarDefinition} that passed validation. Counts business time as a {@link WorkingTime}.
 */
public final class BusinessCalendar implements WorkingTime {

    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeSlot>> slots;
    private final NavigableMap<LocalDate, Holiday> holidays;
    private final OpenHours openHours;

    BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<TimeSlot>> slots, Collection<Holiday> holidays) {
        this.zone = Objects.requireNonNull(zone);
        Map<DayOfWeek, List<TimeSlot>> sorted = new EnumMap<>(DayOfWeek.class);
        slots.forEach((day, daySlots) -> {
            if (!daySlots.isEmpty()) {
                sorted.put(day, daySlots.stream().sorted(Comparator.comparingInt(TimeSlot::fromMinute)).toList());
            }
        });
        this.slots = Collections.unmodifiableMap(sorted);
        TreeMap<LocalDate, Holiday> byDate = new TreeMap<>();
        holidays.forEach(holiday -> byDate.putIfAbsent(holiday.date(), holiday));
        this.holidays = Collections.unmodifiableNavigableMap(byDate);
        this.openHours = new OpenHours(zone, this.slots, this.holidays.navigableKeySet());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The slots of each weekday that has any, earliest first. */
    public Map<DayOfWeek, List<TimeSlot>> slots() {
        return slots;
    }

    public List<TimeSlot> slots(DayOfWeek day) {
        return slots.getOrDefault(day, List.of());
    }

    /** The holidays by date. */
    public List<Holiday> holidays() {
        return List.copyOf(holidays.values());
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.containsKey(date);
    }

    /** Whether the desk is open at that instant (inside a slot, not on a holiday). */
    public boolean isOpen(Instant instant) {
        return openHours.isOpen(instant);
    }

    /** This calendar with more holidays (an iCalendar import, say); a date it has already keeps its name. */
    public BusinessCalendar withHolidays(Collection<Holiday> more) {
        List<Holiday> all = new ArrayList<>(holidays.values());
        all.addAll(more);
        return new BusinessCalendar(zone, slots, all);
    }

    @Override
    public Instant after(Instant start, Duration amount) {
        return openHours.after(start, amount);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return openHours.between(from, to);
    }

    /** The calendar as a definition again: what to store and show; it validates back into an equal calendar. */
    public CalendarDefinition definition() {
        Map<String, List<SlotDefinition>> slotDefinitions = new LinkedHashMap<>();
        slots.forEach((day, daySlots) -> slotDefinitions.put(day.name(),
                daySlots.stream().map(slot -> new SlotDefinition(slot.from(), slot.to())).toList()));
        List<HolidayDefinition> holidayDefinitions = holidays.values().stream()
                .map(holiday -> new HolidayDefinition(holiday.date().toString(), holiday.name())).toList();
        return new CalendarDefinition(zone.getId(), slotDefinitions, holidayDefinitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BusinessCalendar that && zone.equals(that.zone) && slots.equals(that.slots)
                && holidays.equals(that.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, slots, holidays);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + slots + ", " + holidays.size() + " holidays]";
    }
}
