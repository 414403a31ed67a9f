package org.autocrm.ticket.configuration.status;

import org.autocrm.events.Actor;
import org.autocrm.events.TicketStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rename a status label and/or map it to another fixed status; null leaves a part as it is. */
public record ChangeStatusLabel(@TargetAggregateIdentifier String labelId, String tenantId, String label,
                                TicketStatus status, Actor by) {
}
