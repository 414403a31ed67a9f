package org.autocrm.routing.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast arithmetic agrees with the slow, obvious way of counting: minute by minute, asking whether the desk is
 * open at that minute's local time. Random calendars (fixed seeds), spans across both of the year's clock changes.
 */
class BusinessTimeMinuteByMinuteTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kathmandu", "Pacific/Chatham"})
    void countsTheSameBusinessMinutesAsCountingEveryMinute(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Random random = new Random(zoneName.hashCode());
        for (int round = 0; round < 6; round++) {
            CalendarDefinition definition = randomCalendar(zone, random);
            BusinessCalendar calendar = definition.toCalendar();
            Instant from = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(300 * 24 * 60)));
            Instant to = from.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
            long counted = countMinutes(calendar, from, to);
            assertThat(calendar.minutesBetween(from, to)).as("%s from %s to %s", definition, from, to).isEqualTo(counted);
            assertThat(calendar.minutesBetween(to, from)).isEqualTo(-counted);
            if (counted > 0) {
                Instant due = calendar.plusMinutes(from, counted);
                assertThat(calendar.minutesBetween(from, due)).isEqualTo(counted);
                assertThat(calendar.minutesBetween(from, due.minusSeconds(60))).as("the earliest such instant").isEqualTo(counted - 1);
            }
        }
    }

    /** Slots on whole or half hours away from 02:00-03:00, where clocks change and local times are ambiguous. */
    private static CalendarDefinition randomCalendar(ZoneId zone, Random random) {
        Map<String, List<SlotDefinition>> slots = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            List<SlotDefinition> daySlots = new ArrayList<>();
            int halfHour = 8 + random.nextInt(6);
            while (halfHour < 46 && daySlots.size() < 3) {
                int length = 1 + random.nextInt(10);
                int end = Math.min(halfHour + length, 48);
                daySlots.add(new SlotDefinition(clock(halfHour), clock(end)));
                halfHour = end + 1 + random.nextInt(6);
            }
            slots.put(day.name(), daySlots);
        }
        if (slots.isEmpty()) {
            slots.put("WEDNESDAY", List.of(new SlotDefinition("09:00", "17:00")));
        }
        List<HolidayDefinition> holidays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            holidays.add(new HolidayDefinition(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).toString(), null));
        }
        return new CalendarDefinition(zone.getId(), slots, holidays.stream().distinct().toList());
    }

    private static String clock(int halfHours) {
        return String.format("%02d:%02d", halfHours / 2, halfHours % 2 * 30);
    }

    private static long countMinutes(BusinessCalendar calendar, Instant from, Instant to) {
        long open = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
            ZonedDateTime local = minute.atZone(calendar.zone());
            if (calendar.isHoliday(local.toLocalDate())) {
                continue;
            }
            LocalTime time = local.toLocalTime();
            int minuteOfDay = time.getHour() * 60 + time.getMinute();
            for (TimeSlot slot : calendar.slots(local.getDayOfWeek())) {
                if (minuteOfDay >= slot.fromMinute() && minuteOfDay < slot.toMinute()) {
                    open++;
                    break;
                }
            }
        }
        return open;
    }
}
