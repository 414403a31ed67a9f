package org.autocrm.ticket.configuration.canned;

import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a canned response. */
public record DeleteCannedResponse(@TargetAggregateIdentifier String cannedResponseId, String tenantId, Actor by) {
}
