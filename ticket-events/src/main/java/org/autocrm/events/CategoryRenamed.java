package org.autocrm.events;

import java.time.Instant;

/** A ticket category was renamed. Type {@code autocrm.category.renamed.v1}. */
public record CategoryRenamed(
        String categoryId,
        String tenantId,
        String name,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return categoryId;
    }
}
