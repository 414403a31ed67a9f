package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** A custom ticket field definition changed (its key and type never change). Type {@code autocrm.custom_field.changed.v1}. */
public record CustomFieldChanged(
        String fieldId,
        String tenantId,
        String label,
        List<String> options,
        boolean required,
        boolean visibleToCustomers,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return fieldId;
    }
}
