package org.autocrm.ticket.configuration.customfield;

import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a custom field: it can no longer be set; values already on tickets stay. */
public record RetireCustomField(@TargetAggregateIdentifier String fieldId, String tenantId, Actor by) {
}
