package org.autocrm.routing.rules;

import java.util.Optional;

/**
 * The tickets routing-service has seen on the ticket stream, as rules see them: for the dry run on a real ticket.
 * Kept by the {@code tickets} feature.
 */
public interface KnownTickets {

    /** The ticket's facts after the last event seen; empty when this tenant has no such ticket here. */
    Optional<TicketFacts> facts(String tenantId, String ticketId);
}
