package org.autocrm.events;

import java.time.Instant;

/** A custom ticket field can no longer be set; values already on tickets stay. Type {@code autocrm.custom_field.retired.v1}. */
public record CustomFieldRetired(
        String fieldId,
        String tenantId,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return fieldId;
    }
}
