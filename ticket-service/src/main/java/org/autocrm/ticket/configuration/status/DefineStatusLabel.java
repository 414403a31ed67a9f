package org.autocrm.ticket.configuration.status;

import org.autocrm.events.Actor;
import org.autocrm.events.TicketStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a tenant's own status label (e.g. "Waiting for vendor") and the fixed status it stands for. */
public record DefineStatusLabel(@TargetAggregateIdentifier String labelId, String tenantId, String label,
                                TicketStatus status, Actor by) {
}
