package org.autocrm.ticket.ticket;

/** A command to an existing ticket, sent in a {@link CommandContext}: who, in which tenant, at which version. */
public interface TicketCommand {

    String ticketId();

    CommandContext context();
}
