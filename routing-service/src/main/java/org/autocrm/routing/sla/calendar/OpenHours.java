package org.autocrm.routing.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * Business-time arithmetic over a week of slots, holidays and a time zone. Walks day by day through the slots
 * (never minute by minute) and jumps a whole week at once when that week has no holiday and no clock change, so a
 * span of months costs a few dozen steps.
 *
 * <p>Slots are local times. Business time is real elapsed time inside them: the night the clocks go forward, a
 * slot 00:00–06:00 is open 5 hours; the night they go back, 7. A slot time that does not exist that night (inside
 * the gap) is the moment the clocks jump, so a slot wholly inside the gap is not open at all; a slot time that
 * happens twice is its first occurrence.
 */
final class OpenHours {

    private static final int DAYS_PER_WEEK = 7;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final List<List<TimeSlot>> slotsByDay;
    private final NavigableSet<LocalDate> holidays;
    private final Duration ordinaryWeek;

    OpenHours(ZoneId zone, Map<DayOfWeek, List<TimeSlot>> slots, NavigableSet<LocalDate> holidays) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.slotsByDay = Arrays.stream(DayOfWeek.values()).map(day -> slots.getOrDefault(day, List.of()))
                .toList();
        this.holidays = holidays;
        this.ordinaryWeek = Duration.ofMinutes(slotsByDay.stream().flatMap(List::stream)
                .mapToLong(TimeSlot::lengthInMinutes).sum());
        if (ordinaryWeek.isZero()) {
            throw new IllegalArgumentException("a business calendar needs at least one slot");
        }
    }

    Instant after(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        Instant cursor = start;
        while (true) {
            Instant dayStart = startOf(day);
            if (!cursor.isAfter(dayStart) && isOrdinaryWeek(day) && remaining.compareTo(ordinaryWeek) > 0) {
                remaining = remaining.minus(ordinaryWeek);
                day = day.plusDays(DAYS_PER_WEEK);
                cursor = startOf(day);
                continue;
            }
            for (TimeSlot slot : openSlots(day)) {
                Instant to = instantOf(day, slot.toMinute());
                if (!to.isAfter(cursor)) {
                    continue;
                }
                Instant from = later(instantOf(day, slot.fromMinute()), cursor);
                Duration open = Duration.between(from, to);
                if (remaining.compareTo(open) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(open);
            }
            day = day.plusDays(1);
        }
    }

    Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        while (startOf(day).isBefore(to)) {
            if (!startOf(day).isBefore(from) && isOrdinaryWeek(day)
                    && !startOf(day.plusDays(DAYS_PER_WEEK)).isAfter(to)) {
                total = total.plus(ordinaryWeek);
                day = day.plusDays(DAYS_PER_WEEK);
                continue;
            }
            for (TimeSlot slot : openSlots(day)) {
                Instant slotFrom = later(instantOf(day, slot.fromMinute()), from);
                Instant slotTo = earlier(instantOf(day, slot.toMinute()), to);
                if (slotTo.isAfter(slotFrom)) {
                    total = total.plus(Duration.between(slotFrom, slotTo));
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    boolean isOpen(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (TimeSlot slot : openSlots(day)) {
            if (!instant.isBefore(instantOf(day, slot.fromMinute())) && instant.isBefore(instantOf(day, slot.toMinute()))) {
                return true;
            }
        }
        return false;
    }

    private List<TimeSlot> openSlots(LocalDate day) {
        return holidays.contains(day) ? List.of() : slotsByDay.get(day.getDayOfWeek().ordinal());
    }

    /** Seven days from {@code day} that hold exactly the ordinary week's business time: no holiday, no clock change. */
    private boolean isOrdinaryWeek(LocalDate day) {
        LocalDate end = day.plusDays(DAYS_PER_WEEK);
        if (!holidays.subSet(day, true, end, false).isEmpty()) {
            return false;
        }
        // from just before the day starts: where the clocks jump at midnight, the day starts at the jump itself
        ZoneOffsetTransition next = rules.nextTransition(startOf(day).minusNanos(1));
        return next == null || !next.getInstant().isBefore(startOf(end));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private Instant instantOf(LocalDate day, int minuteOfDay) {
        if (minuteOfDay == TimeSlot.END_OF_DAY) {
            return startOf(day.plusDays(1));
        }
        LocalDateTime local = LocalDateTime.of(day, LocalTime.ofSecondOfDay(minuteOfDay * 60L));
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
