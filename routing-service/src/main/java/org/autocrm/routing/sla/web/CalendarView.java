package org.autocrm.routing.sla.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.sla.calendar.CalendarDefinition;
import org.autocrm.routing.sla.calendar.HolidayDefinition;
import org.autocrm.routing.sla.calendar.SlotDefinition;
import org.autocrm.routing.sla.settings.StoredCalendar;

/** A stored calendar with its id and version (also the ETag). */
@Schema(name = "SlaCalendar")
record CalendarView(
        String id,
        String name,
        String zone,
        Map<String, List<SlotDefinition>> slots,
        List<HolidayDefinition> holidays,
        @JsonProperty("default") boolean isDefault,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static CalendarView of(StoredCalendar calendar) {
        CalendarDefinition definition = calendar.calendar().definition();
        return new CalendarView(calendar.id(), calendar.name(), definition.zone(), definition.slots(),
                definition.holidays(), calendar.isDefault(), calendar.version(), calendar.createdAt(),
                calendar.updatedAt());
    }
}
