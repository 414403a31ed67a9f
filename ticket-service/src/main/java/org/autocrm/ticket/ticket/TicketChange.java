package org.autocrm.ticket.ticket;

/** The result of a change to a ticket: its new version, for If-Match and read-your-writes. */
public record TicketChange(String ticketId, long version) {
}
