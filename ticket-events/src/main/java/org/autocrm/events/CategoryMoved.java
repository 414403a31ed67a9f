package org.autocrm.events;

import java.time.Instant;

/** A ticket category moved to another place in the list. Type {@code autocrm.category.moved.v1}. */
public record CategoryMoved(
        String categoryId,
        String tenantId,
        int position,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return categoryId;
    }
}
