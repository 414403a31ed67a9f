package org.autocrm.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The period a metrics table covers: from (inclusive) to (exclusive), in UTC. A parameter may be a
 * day ({@code 2026-11-01}; as {@code to} the whole day is included) or an instant
 * ({@code 2026-11-01T09:00:00Z}).
 */
public record MetricsRange(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    /** Ten years of daily rows is the most a table shows; a longer period is almost always a typo. */
    static final Duration LONGEST = Duration.ofDays(3660);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public MetricsRange {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** The range named by the {@code from} and {@code to} parameters, either of which may be absent. */
    public static MetricsRange parse(String from, String to, Instant now) {
        Instant end = blank(to) ? now : parse("to", to, true);
        Instant start = blank(from) ? end.minus(DEFAULT_LENGTH) : parse("from", from, false);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + (blank(to) ? end : to) + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("from and to may be at most " + LONGEST.toDays()
                    + " days apart; ask for several shorter periods");
        }
        return new MetricsRange(start, end);
    }

    public long days() {
        return Duration.between(from, to).toDays();
    }

    private static Instant parse(String parameter, String value, boolean endOfDay) {
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return within(parameter, value, (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return within(parameter, value, Instant.parse(text));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(parameter + " must be a date (2026-11-01) or an instant "
                    + "(2026-11-01T09:00:00Z), not '" + value + "'");
        }
    }

    private static Instant within(String parameter, String value, Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException(parameter + " must lie between 1970 and 9999, not '" + value + "'");
        }
        return instant;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
