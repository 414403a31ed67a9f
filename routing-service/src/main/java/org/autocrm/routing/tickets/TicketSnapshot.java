package org.autocrm.routing.tickets;

import java.time.Instant;
import org.autocrm.routing.rules.TicketFacts;

/**
 * Routing-service's view of one ticket right after one event of the ticket stream: what rules, assignment, SLA
 * clocks and automations look at. Kept by this package from {@code autocrm.tickets.v1} and
 * {@code autocrm.customers.v1} (customer company and tier), so no reaction has to ask ticket-service.
 *
 * @param facts                 what rules and policies match on (status, assignee, group, priority, tags, ...)
 * @param statusLabel           the tenant's status label the ticket shows, when it has one
 * @param statusChangedAt       when the status last changed (creation for a ticket still in its first status)
 * @param lastCustomerMessageAt the customer's last message, or {@code null}
 * @param lastAgentReplyAt      the last public reply of staff (or automation), or {@code null}
 * @param sequence              the sequence of the event this snapshot includes (per ticket, from 0)
 */
public record TicketSnapshot(
        String tenantId,
        String ticketId,
        String customerId,
        TicketFacts facts,
        String statusLabel,
        Instant statusChangedAt,
        Instant lastCustomerMessageAt,
        Instant lastAgentReplyAt,
        long sequence) {

    /** Resolved, closed or merged away: nobody works on it any more. */
    public boolean isDone() {
        return switch (facts.status()) {
            case RESOLVED, CLOSED -> true;
            default -> false;
        };
    }
}
