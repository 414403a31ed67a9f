package org.autocrm.query.customers;

import java.time.Instant;

/** A customer's tickets in figures: how many in all, how many still open, and when they last got in touch. */
public record CustomerTicketFigures(long total, long open, Instant lastContactAt) {
}
