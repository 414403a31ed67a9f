package org.autocrm.ticket.ticket;

/**
 * The result of opening a ticket: its id, its human-friendly number and its first version;
 * {@code replayed} is true when an Idempotency-Key returned an earlier result.
 */
public record OpenedTicket(String ticketId, long number, long version, boolean replayed) {
}
