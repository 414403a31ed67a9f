package org.autocrm.routing.sla.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;

/**
 * Reads holidays from iCalendar text (RFC 5545), as public-holiday feeds and calendar exports write them: every
 * {@code VEVENT} closes the desk on each whole day it covers.
 * <ul>
 *   <li>All-day events ({@code DTSTART;VALUE=DATE:20261224}): from DTSTART up to, not including, DTEND (one day
 *   without DTEND, or as long as {@code DURATION:P3D}).</li>
 *   <li>Events with times: only the days they cover from midnight to midnight, read as local wall time (a
 *   {@code Z} time in the calendar's zone); a half-day closure is no holiday and is noted as skipped.</li>
 *   <li>{@code STATUS:CANCELLED} events are skipped; a repeat rule ({@code RRULE}) is not expanded: the dates
 *   listed are imported and a note says so.</li>
 * </ul>
 * A document that is not iCalendar, holds no event, or has an event without a usable DTSTART is refused as a
 * whole ({@code ics: line N: ...}), so a bad file never half-imports. A small reader of our own: the subset of
 * RFC 5545 holidays need does not justify a dependency.
 */
public final class ICalendarHolidays {

    static final String FIELD = "ics";
    private static final int LONGEST_EVENT_DAYS = 366;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private ICalendarHolidays() {
    }

    /**
     * The holidays in {@code ics}, for a calendar in {@code zone}; {@link SlaSettingsRejected}
     * ({@code HOLIDAY_IMPORT_INVALID}) naming every problem when it cannot be read.
     */
    public static HolidayImport read(String ics, ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TreeMap<LocalDate, Holiday> holidays = new TreeMap<>();
        List<Line> lines = unfold(ics == null ? "" : ics);
        if (lines.isEmpty() || !lines.get(0).is("BEGIN", "VCALENDAR")) {
            problems.add(new FieldProblem(FIELD, "not an iCalendar document: it must begin with BEGIN:VCALENDAR"));
            throw new SlaSettingsRejected(SlaSettingsRejected.Reason.HOLIDAY_IMPORT_INVALID, problems);
        }
        int events = 0;
        Event event = null;
        String nested = null;
        for (Line line : lines) {
            if (nested != null) {
                if (line.is("END", nested)) {
                    nested = null;
                }
            } else if (event == null) {
                if (line.is("BEGIN", "VEVENT")) {
                    event = new Event(line.number);
                }
            } else if (line.is("END", "VEVENT")) {
                events++;
                event.addTo(holidays, zone, problems, notes);
                event = null;
            } else if (line.name.equals("BEGIN")) {
                nested = line.value.toUpperCase(Locale.ROOT);
            } else {
                event.take(line);
            }
        }
        if (event != null) {
            problems.add(new FieldProblem(FIELD, "line " + event.line + ": the event never ends (no END:VEVENT)"));
        } else if (events == 0) {
            problems.add(new FieldProblem(FIELD, "no events (VEVENT) in the document, so no holidays to import"));
        }
        if (!problems.isEmpty()) {
            throw new SlaSettingsRejected(SlaSettingsRejected.Reason.HOLIDAY_IMPORT_INVALID, problems);
        }
        return new HolidayImport(new ArrayList<>(holidays.values()), notes);
    }

    /** Content lines with their folded continuations joined, numbered by the physical line they start on. */
    private static List<Line> unfold(String ics) {
        String[] physical = ics.split("\r\n|\n|\r", -1);
        List<Line> lines = new ArrayList<>();
        StringBuilder current = null;
        int startedAt = 0;
        for (int i = 0; i < physical.length; i++) {
            String text = physical[i];
            if (current != null && !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t')) {
                current.append(text, 1, text.length());
                continue;
            }
            if (current != null) {
                Line.parse(startedAt, current.toString()).ifPresent(lines::add);
            }
            current = new StringBuilder(text);
            startedAt = i + 1;
        }
        if (current != null) {
            Line.parse(startedAt, current.toString()).ifPresent(lines::add);
        }
        return lines;
    }

    /** {@code NAME;PARAM=x;VALUE=DATE:value}, the name upper-cased. */
    private record Line(int number, String name, String parameters, String value) {

        static java.util.Optional<Line> parse(int number, String text) {
            if (text.isBlank()) {
                return java.util.Optional.empty();
            }
            int colon = -1;
            boolean quoted = false;
            for (int i = 0; i < text.length() && colon < 0; i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    colon = i;
                }
            }
            String head = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            int semicolon = head.indexOf(';');
            String name = (semicolon < 0 ? head : head.substring(0, semicolon)).trim().toUpperCase(Locale.ROOT);
            String parameters = semicolon < 0 ? "" : head.substring(semicolon + 1).toUpperCase(Locale.ROOT);
            return java.util.Optional.of(new Line(number, name, parameters, value.trim()));
        }

        boolean is(String name, String value) {
            return this.name.equals(name) && this.value.equalsIgnoreCase(value);
        }
    }

    /** One VEVENT's properties, as far as holidays need them. */
    private static final class Event {

        final int line;
        Line start;
        Line end;
        Line duration;
        String summary;
        boolean cancelled;
        boolean repeats;

        Event(int line) {
            this.line = line;
        }

        void take(Line property) {
            switch (property.name) {
                case "DTSTART" -> start = property;
                case "DTEND" -> end = property;
                case "DURATION" -> duration = property;
                case "SUMMARY" -> summary = unescape(property.value);
                case "STATUS" -> cancelled = property.value.equalsIgnoreCase("CANCELLED");
                case "RRULE" -> repeats = true;
                default -> {
                    // other properties (UID, DTSTAMP, DESCRIPTION, ...) say nothing about when the desk is closed
                }
            }
        }

        void addTo(TreeMap<LocalDate, Holiday> holidays, ZoneId zone, List<FieldProblem> problems, List<String> notes) {
            String label = "line " + line + (summary == null ? "" : " ('" + summary + "')");
            if (cancelled) {
                notes.add(label + ": cancelled event, skipped");
                return;
            }
            if (start == null) {
                problems.add(new FieldProblem(FIELD, "line " + line + ": the event has no DTSTART"));
                return;
            }
            LocalDateTime from;
            LocalDateTime until;
            try {
                from = moment(start, zone);
                until = end != null ? moment(end, zone) : from.plus(length(from));
            } catch (DateTimeException unreadable) {
                problems.add(new FieldProblem(FIELD, "line " + line + ": " + unreadable.getMessage()));
                return;
            }
            if (until.isBefore(from)) {
                problems.add(new FieldProblem(FIELD, "line " + line + ": the event ends (" + until + ") before it starts (" + from + ")"));
                return;
            }
            LocalDate firstDay = from.toLocalTime().equals(LocalTime.MIDNIGHT) ? from.toLocalDate() : from.toLocalDate().plusDays(1);
            LocalDate endDay = until.toLocalDate();
            if (!firstDay.isBefore(endDay)) {
                notes.add(label + ": covers no whole day (" + from + " to " + until + "), skipped");
                return;
            }
            if (firstDay.plusDays(LONGEST_EVENT_DAYS).isBefore(endDay)) {
                problems.add(new FieldProblem(FIELD, "line " + line + ": the event lasts longer than " + LONGEST_EVENT_DAYS + " days; is DTEND right?"));
                return;
            }
            for (LocalDate day = firstDay; day.isBefore(endDay); day = day.plusDays(1)) {
                holidays.putIfAbsent(day, new Holiday(day, summary));
            }
            if (repeats) {
                notes.add(label + ": repeats (RRULE); only " + firstDay + (endDay.equals(firstDay.plusDays(1)) ? "" : " to " + endDay.minusDays(1))
                        + " was imported, list further years' dates as events of their own");
            }
        }

        /** An all-day event without DTEND is one day long, or DURATION long; a timed one is DURATION long or an instant. */
        private Duration length(LocalDateTime from) {
            if (duration != null) {
                String text = duration.value.toUpperCase(Locale.ROOT);
                try {
                    if (text.matches("P\\d+[DW]")) {
                        long count = Long.parseLong(text.substring(1, text.length() - 1));
                        return Duration.ofDays(text.endsWith("W") ? 7 * count : count);
                    }
                    return Duration.parse(text);
                } catch (DateTimeParseException | ArithmeticException | NumberFormatException unreadable) {
                    throw new DateTimeException("DURATION '" + duration.value + "' is not a duration such as P1D or PT8H");
                }
            }
            return isDate(start) ? Duration.ofDays(1) : Duration.ZERO;
        }

        private static boolean isDate(Line property) {
            return property.parameters.contains("VALUE=DATE") && !property.parameters.contains("VALUE=DATE-TIME")
                    || property.value.matches("\\d{8}");
        }

        /** The local wall time of a DTSTART/DTEND; a UTC ({@code Z}) time in the calendar's zone. */
        private static LocalDateTime moment(Line property, ZoneId zone) {
            String value = property.value.toUpperCase(Locale.ROOT);
            try {
                if (isDate(property)) {
                    return LocalDate.parse(value, DATE).atStartOfDay();
                }
                if (value.endsWith("Z")) {
                    return LocalDateTime.parse(value.substring(0, value.length() - 1), DATE_TIME)
                            .atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
                }
                return LocalDateTime.parse(value, DATE_TIME);
            } catch (DateTimeParseException unreadable) {
                throw new DateTimeException(property.name + " '" + property.value
                        + "' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)");
            }
        }

        private static String unescape(String text) {
            return text.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";")
                    .replace("\\\\", "\\").trim();
        }
    }
}
