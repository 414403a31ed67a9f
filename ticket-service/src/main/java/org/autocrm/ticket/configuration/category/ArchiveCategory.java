package org.autocrm.ticket.configuration.category;

import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive a category: it stays on existing tickets but can no longer be chosen. */
public record ArchiveCategory(@TargetAggregateIdentifier String categoryId, String tenantId, Actor by) {
}
