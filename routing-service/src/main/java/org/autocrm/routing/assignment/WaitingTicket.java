package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Comparator;

/**
 * An unassigned ticket waiting in a group's queue for capacity.
 *
 * @param slaDueAt     the nearest SLA due time, or null when no SLA clock runs
 * @param priorityRank the priority's place in the tenant's priority list, lowest first (as ticket-service defines
 *                     it), so a higher rank is more urgent
 */
public record WaitingTicket(String ticketId, Instant slaDueAt, int priorityRank, Instant createdAt) {

    /**
     * The order in which waiting tickets are offered when capacity frees: tickets with an SLA due time first,
     * soonest due first; then higher priority; then older; then by id, so the order is total.
     */
    public static final Comparator<WaitingTicket> OFFER_ORDER = Comparator
            .comparing(WaitingTicket::slaDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.comparingInt(WaitingTicket::priorityRank).reversed())
            .thenComparing(WaitingTicket::createdAt)
            .thenComparing(WaitingTicket::ticketId);
}
