package org.autocrm.ticket.configuration.category;

import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a category at the end of the tenant's list. */
public record CreateCategory(@TargetAggregateIdentifier String categoryId, String tenantId, String name, Actor by) {
}
