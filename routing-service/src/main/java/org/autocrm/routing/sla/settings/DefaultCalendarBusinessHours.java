package org.autocrm.routing.sla.settings;

import java.time.Instant;
import org.autocrm.routing.tickets.BusinessHours;
import org.springframework.stereotype.Component;

/** "Within business hours" is the tenant's default calendar: open in one of its slots, not on a holiday. */
@Component
class DefaultCalendarBusinessHours implements BusinessHours {

    private final CalendarStore calendars;

    DefaultCalendarBusinessHours(CalendarStore calendars) {
        this.calendars = calendars;
    }

    @Override
    public boolean within(String tenantId, Instant instant) {
        return calendars.findDefault(tenantId).map(calendar -> calendar.calendar().isOpen(instant)).orElse(false);
    }
}
