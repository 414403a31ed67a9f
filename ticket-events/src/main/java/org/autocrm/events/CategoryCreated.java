package org.autocrm.events;

import java.time.Instant;

/** A ticket category was created. Type {@code autocrm.category.created.v1}. */
public record CategoryCreated(
        String categoryId,
        String tenantId,
        String name,
        int position,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return categoryId;
    }
}
