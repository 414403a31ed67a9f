package org.autocrm.routing.sla.calendar;

/** A time slot as given: {@code start} and {@code end} as {@code HH:mm}, end up to {@code 24:00}. */
public record SlotDefinition(String start, String end) {
}
