package org.autocrm.ticket.ticket;

/** The result of opening a ticket: its id, its human-friendly number and its first version. */
public record OpenedTicket(String ticketId, long number, long version) {
}
