package org.autocrm.ticket.configuration.canned;

import org.autocrm.events.Actor;
import org.autocrm.events.CannedAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a canned response; null leaves a part as it is, given actions replace all actions. */
public record ChangeCannedResponse(@TargetAggregateIdentifier String cannedResponseId, String tenantId, String title,
                                   String body, CannedAction actions, Actor by) {
}
