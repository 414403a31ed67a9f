package org.autocrm.routing.sla.calendar;

/** A holiday as given: {@code date} as {@code YYYY-MM-DD}, an optional name. */
public record HolidayDefinition(String date, String name) {
}
