package org.autocrm.events;

import java.time.Instant;

/** A ticket category was archived: it stays on existing tickets but cannot be chosen. Type {@code autocrm.category.archived.v1}. */
public record CategoryArchived(
        String categoryId,
        String tenantId,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return categoryId;
    }
}
