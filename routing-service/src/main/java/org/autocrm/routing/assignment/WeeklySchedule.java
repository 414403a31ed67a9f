package org.autocrm.routing.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When an agent works, as slots per weekday in the agent's own time zone, so "Monday 09:00–17:00" follows the
 * agent's clock through daylight-saving changes. No slot at all means the agent keeps no schedule and is always
 * within it (availability alone then decides).
 */
public final class WeeklySchedule {

    private static final WeeklySchedule ALWAYS = new WeeklySchedule(ZoneId.of("UTC"), Map.of());

    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeSlot>> slots;

    private WeeklySchedule(ZoneId zone, Map<DayOfWeek, List<TimeSlot>> slots) {
        this.zone = zone;
        this.slots = slots;
    }

    public static WeeklySchedule always() {
        return ALWAYS;
    }

    /**
     * @throws InvalidSchedule when a slot ends before it starts or two slots of a day overlap
     */
    public static WeeklySchedule of(ZoneId zone, Map<DayOfWeek, List<TimeSlot>> slots) {
        Map<DayOfWeek, List<TimeSlot>> checked = new EnumMap<>(DayOfWeek.class);
        slots.forEach((day, daySlots) -> checked.put(day, checked(day, daySlots)));
        return new WeeklySchedule(zone, Map.copyOf(checked));
    }

    private static List<TimeSlot> checked(DayOfWeek day, List<TimeSlot> daySlots) {
        for (int i = 0; i < daySlots.size(); i++) {
            TimeSlot slot = daySlots.get(i);
            if (!slot.start().isBefore(slot.end())) {
                throw new InvalidSchedule(day + "[" + i + "]", "a slot must end after it starts ("
                        + slot.start() + "–" + slot.end() + ")");
            }
            for (int j = 0; j < i; j++) {
                if (slot.overlaps(daySlots.get(j))) {
                    throw new InvalidSchedule(day + "[" + i + "]", "overlaps " + day + "[" + j + "]");
                }
            }
        }
        return daySlots.stream().sorted(Comparator.comparing(TimeSlot::start)).toList();
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWithin(Instant instant) {
        if (slots.isEmpty()) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        return slots.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(slot -> slot.contains(local.toLocalTime()));
    }
}
