package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Optional;

/**
 * The per-event claims that keep two replicas (or a redelivered event) from assigning one ticket twice. Every
 * operation is one atomic write in the store.
 */
public interface AssignmentClaims {

    /**
     * Claims the event for the caller until {@code leaseUntil}: a new claim in {@link Claim.State#PICKING}, or an
     * existing {@code PICKING}/{@code CHOSEN} claim whose lease ran out by {@code now} (its holder died). Empty when
     * someone else holds it or it is already sent, waiting or settled.
     */
    Optional<Claim> begin(String tenantId, String eventId, String ticketId, String groupId, Instant now,
            Instant leaseUntil);

    /**
     * Takes a {@link Claim.State#WAITING} claim (now {@code PICKING}) to offer its ticket again, or a {@code PICKING}
     * or {@code CHOSEN} one whose lease ran out by {@code now}; empty if someone else holds it.
     */
    Optional<Claim> takeWaiting(String tenantId, String eventId, Instant now, Instant leaseUntil);

    void chosen(String tenantId, String eventId, String agentId, String reason);

    void moveTo(String tenantId, String eventId, Claim.State state);

    /** Gives up the lease without changing the state, so the next delivery of the event carries on at once. */
    void releaseLease(String tenantId, String eventId);
}
