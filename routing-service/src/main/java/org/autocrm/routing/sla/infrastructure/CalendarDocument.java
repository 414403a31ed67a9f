package org.autocrm.routing.sla.infrastructure;

import java.time.Instant;
import org.autocrm.routing.sla.calendar.CalendarDefinition;
import org.autocrm.routing.sla.settings.StoredCalendar;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A business calendar in MongoDB: its definition as text (zone, slots by weekday, holidays), as an admin reads it. */
@Document(CalendarDocument.COLLECTION)
record CalendarDocument(@Id String id, String tenantId, String name, CalendarDefinition definition,
                        boolean isDefault, long version, Instant createdAt, Instant updatedAt) {

    static final String COLLECTION = "sla_calendars";

    static CalendarDocument of(StoredCalendar calendar) {
        return new CalendarDocument(calendar.id(), calendar.tenantId(), calendar.name(),
                calendar.calendar().definition(), calendar.isDefault(), calendar.version(), calendar.createdAt(),
                calendar.updatedAt());
    }

    StoredCalendar toCalendar() {
        return new StoredCalendar(tenantId, id, name, definition.toCalendar(), isDefault, version, createdAt, updatedAt);
    }
}
