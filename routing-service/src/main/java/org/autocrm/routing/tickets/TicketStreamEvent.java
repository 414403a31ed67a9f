package org.autocrm.routing.tickets;

import java.time.Instant;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketEvent;

/**
 * One event of {@code autocrm.tickets.v1} as the reactions get it: the envelope's identity and the payload.
 *
 * @param eventId  the envelope's id: with an action's key it makes the idempotency key of each command a reaction
 *                 sends ({@code <eventId>:<action>}), so a redelivered event never acts twice
 * @param by       who caused it; role {@code automation} with a {@code reason} for a change this service made
 */
public record TicketStreamEvent(
        String eventId,
        String type,
        Instant time,
        String tenantId,
        String ticketId,
        long sequence,
        TicketEvent payload,
        Actor by) {
}
