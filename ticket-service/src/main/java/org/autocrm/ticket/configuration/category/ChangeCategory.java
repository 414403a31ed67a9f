package org.autocrm.ticket.configuration.category;

import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Rename a category and/or move it to another place in the list (1 = first), in one transaction.
 * A null name or position leaves it as it is.
 */
public record ChangeCategory(@TargetAggregateIdentifier String categoryId, String tenantId, String name,
                             Integer position, Actor by) {
}
