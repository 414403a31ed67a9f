package org.autocrm.ticket.ticket;

/**
 * Hands out the human-friendly ticket numbers (#1042): per tenant, increasing, each used once.
 * Called inside the command's transaction, so a refused command does not burn a number.
 */
public interface TicketNumbers {

    long next(String tenantId);
}
