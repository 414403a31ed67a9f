package org.autocrm.routing.sla.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the SLA clocks are kept (MongoDB {@code sla_clocks}). */
public interface SlaClockStore {

    Optional<SlaClockRecord> find(String tenantId, String ticketId);

    /** Stores a new clock; false when the ticket has one already (a redelivered creation). */
    boolean insert(SlaClockRecord clock);

    /** Replaces the clock if it still has {@code expectedVersion} (the new one carries expectedVersion + 1). */
    boolean replace(SlaClockRecord clock, long expectedVersion);

    /**
     * Atomically takes the lease of one clock due at {@code now} (its wake-up time reached, nobody else's lease
     * running), or empty when none is due. The claimed clock comes back with its version raised.
     */
    Optional<SlaClockRecord> claimDue(Instant now, Instant leaseUntil, String owner);

    /** Takes the lease of this ticket's clock if nobody holds it. */
    Optional<SlaClockRecord> claim(String tenantId, String ticketId, Instant now, Instant leaseUntil, String owner);

    /** The tickets of the tenant whose clocks can still change (not closed). */
    List<String> openTickets(String tenantId);
}
