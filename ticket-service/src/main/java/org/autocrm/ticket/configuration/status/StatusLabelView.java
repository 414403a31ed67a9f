package org.autocrm.ticket.configuration.status;

import org.autocrm.events.TicketStatus;

/** A status label as clients see it. */
public record StatusLabelView(String labelId, String label, TicketStatus status) {
}
