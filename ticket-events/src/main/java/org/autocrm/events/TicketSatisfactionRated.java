package org.autocrm.events;

import java.time.Instant;

/** The customer rated the help they got: {@code scale} {@code five_point} (score 1-5) or {@code good_bad} (score 1 good, 0 bad). Type {@code autocrm.ticket.satisfaction_rated.v1}. */
public record TicketSatisfactionRated(
        String ticketId,
        String tenantId,
        String scale,
        int score,
        String comment,
        Actor by,
        Instant at) implements TicketEvent {
}
