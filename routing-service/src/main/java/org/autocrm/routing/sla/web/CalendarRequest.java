package org.autocrm.routing.sla.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.sla.calendar.CalendarDefinition;
import org.autocrm.routing.sla.calendar.HolidayDefinition;
import org.autocrm.routing.sla.calendar.SlotDefinition;
import org.springframework.lang.Nullable;

/**
 * A business calendar as an admin writes it; checked as a whole, a refusal names every field at fault.
 *
 * @param version the version the change was made on (PUT, or use If-Match)
 */
@Schema(name = "SlaCalendarRequest", requiredProperties = {"name", "zone", "slots"})
record CalendarRequest(
        @Schema(example = "Berlin office", maxLength = 200) String name,
        @Schema(description = "IANA time zone", example = "Europe/Berlin") String zone,
        @Schema(description = "Time slots by weekday (MONDAY ... SUNDAY), each {start, end} as HH:mm, end up to "
                + "24:00; several per day, not overlapping") Map<String, List<SlotDefinition>> slots,
        @Nullable @Schema(description = "Closed days, {date: YYYY-MM-DD, name}") List<HolidayDefinition> holidays,
        @Nullable @JsonProperty("default") @Schema(description = "Make this the tenant's default calendar (the one "
                + "policies without a calendar count in, and what \"within business hours\" means); false when left out")
        Boolean isDefault,
        @Nullable @Schema(description = "The version this change was made on (instead of If-Match)") Long version) {

    CalendarDefinition definition() {
        return new CalendarDefinition(zone, slots, holidays);
    }

    boolean makeDefault() {
        return isDefault != null && isDefault;
    }
}
