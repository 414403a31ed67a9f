package org.autocrm.routing.sla.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.autocrm.routing.sla.settings.ManagingCalendars;

/**
 * What an iCalendar import did: the calendar as it now is, how many holidays were new, and what was not taken over
 * as it stood (a cancelled event, a half-day closure, a repeat rule).
 */
@Schema(name = "SlaHolidayImport")
record HolidayImportView(CalendarView calendar, int added, List<String> notes) {

    static HolidayImportView of(ManagingCalendars.Imported imported) {
        return new HolidayImportView(CalendarView.of(imported.calendar()), imported.added(), imported.notes());
    }
}
