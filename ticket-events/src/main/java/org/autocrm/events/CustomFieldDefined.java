package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** A custom ticket field was defined. {@code type} is text, number, date, dropdown, multi_select or checkbox. Type {@code autocrm.custom_field.defined.v1}. */
public record CustomFieldDefined(
        String fieldId,
        String tenantId,
        String key,
        String label,
        String type,
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
