package org.autocrm.ticket.configuration.canned;

import org.autocrm.events.Actor;
import org.autocrm.events.CannedAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Save a new canned response: a title, a body with placeholders and optional actions (may be null). */
public record CreateCannedResponse(@TargetAggregateIdentifier String cannedResponseId, String tenantId, String title,
                                   String body, CannedAction actions, Actor by) {
}
