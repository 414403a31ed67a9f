package org.autocrm.routing.sla.calendar;

/**
 * Opening hours within one day, as minutes since local midnight: {@code [from, to)}, {@code to} up to 1440 (24:00,
 * the end of the day). Local wall-clock times: on a day the clocks change, 09:00 is still 09:00.
 */
public record TimeSlot(int fromMinute, int toMinute) {

    static final int END_OF_DAY = 24 * 60;

    public TimeSlot {
        if (fromMinute < 0 || toMinute > END_OF_DAY || toMinute <= fromMinute) {
            throw new IllegalArgumentException("not a time slot: " + fromMinute + ".." + toMinute);
        }
    }

    /** Minutes of opening on an ordinary day (no clock change). */
    public int lengthInMinutes() {
        return toMinute - fromMinute;
    }

    public String from() {
        return clock(fromMinute);
    }

    public String to() {
        return clock(toMinute);
    }

    static String clock(int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    @Override
    public String toString() {
        return from() + "–" + to();
    }
}
