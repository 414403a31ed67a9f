package org.autocrm.events;

import java.time.Instant;

/**
 * A ticket was opened. Type {@code autocrm.ticket.created.v1}.
 *
 * @param ticketId    UUID of the ticket
 * @param tenantId    the support organisation
 * @param number      human-friendly number, unique per tenant, assigned once (shown as #1042)
 * @param subject     one-line summary
 * @param description what the customer reported
 * @param customerId  the customer the ticket belongs to
 * @param priority    one of the tenant's priorities (defaults LOW, MEDIUM, HIGH, URGENT)
 * @param status      the status the ticket starts in
 * @param channel     where the ticket came from (portal, email, chat, phone, api, error-report)
 * @param createdBy   who opened it
 * @param createdAt   when it was opened (UTC)
 */
public record TicketCreated(
        String ticketId,
        String tenantId,
        long number,
        String subject,
        String description,
        String customerId,
        String priority,
        TicketStatus status,
        String channel,
        Actor createdBy,
        Instant createdAt) implements TicketEvent {
}
