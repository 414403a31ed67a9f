package org.autocrm.routing.sla.calendar;

import java.util.List;

/**
 * Holidays read from an iCalendar document, in date order, and notes on what was not taken over as it stood
 * (a cancelled event, an event covering no whole day, a repeat rule) so the admin can see why.
 */
public record HolidayImport(List<Holiday> holidays, List<String> notes) {

    public HolidayImport {
        holidays = List.copyOf(holidays);
        notes = List.copyOf(notes);
    }
}
