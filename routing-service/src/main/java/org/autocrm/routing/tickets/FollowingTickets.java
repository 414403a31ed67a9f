package org.autocrm.routing.tickets;

import java.util.List;
import java.util.Optional;
import org.autocrm.events.TicketCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Takes in the ticket and customer streams: keeps each ticket's snapshot (and the one before it) and then calls every
 * {@link TicketReaction}, in their {@code @Order}, with the ticket before and after the event.
 *
 * <ul>
 *   <li>A new event (its sequence after the stored one) is folded in and stored first; the reactions run after.</li>
 *   <li>The event the stored snapshot already includes (a redelivery: a restart, a rebalance, or a retry after a
 *       reaction failed) is not folded again, but the reactions are called again with the same before and after, so
 *       one that failed the first time gets its turn; each reaction keeps itself from acting twice.</li>
 *   <li>An event older than the stored snapshot was taken in and reacted to before: skipped.</li>
 *   <li>An event of a ticket whose creation was never seen (the stream did not reach back that far) cannot be turned
 *       into facts: skipped with a warning.</li>
 * </ul>
 * A reaction that throws is not caught here: the event is delivered again (see the listener's error handler).
 */
@Service
public class FollowingTickets {

    private static final Logger log = LoggerFactory.getLogger(FollowingTickets.class);

    private final TicketViewStore view;
    private final CustomerDirectory customers;
    private final List<TicketReaction> reactions;
    private final ObjectProvider<BusinessHours> businessHours;

    /** @param reactions every reaction bean, in {@code @Order} (Spring sorts an injected list by it) */
    public FollowingTickets(TicketViewStore view, CustomerDirectory customers, List<TicketReaction> reactions,
                            ObjectProvider<BusinessHours> businessHours) {
        this.view = view;
        this.customers = customers;
        this.reactions = List.copyOf(reactions);
        this.businessHours = businessHours;
    }

    /** One event of {@code autocrm.tickets.v1}. */
    public void take(TicketStreamEvent event) {
        Optional<StoredTicket> stored = view.find(event.tenantId(), event.ticketId());
        StoredTicket taken;
        if (stored.isPresent() && stored.get().sequence() == event.sequence()) {
            taken = stored.get();
            log.debug("Ticket {} event {} (sequence {}) again: reactions run again", event.ticketId(),
                    event.eventId(), event.sequence());
        } else if (stored.isPresent() && stored.get().sequence() > event.sequence()) {
            log.debug("Ticket {} event {} (sequence {}) is older than the snapshot ({}): skipped", event.ticketId(),
                    event.eventId(), event.sequence(), stored.get().sequence());
            return;
        } else {
            Optional<StoredTicket> next = fold(stored.orElse(null), event);
            if (next.isEmpty()) {
                return;
            }
            taken = next.get();
            long expected = stored.map(StoredTicket::sequence).orElse(-1L);
            if (!view.save(taken, expected)) {
                throw new SnapshotMovedOn(event.ticketId(), expected);
            }
        }
        for (TicketReaction reaction : reactions) {
            reaction.react(event, taken.previous(), taken.current());
        }
    }

    /** One event of {@code autocrm.customers.v1}: its company and tier reach the customer's tickets' next facts. */
    public void take(CustomerProfile profile) {
        customers.save(profile);
    }

    private Optional<StoredTicket> fold(StoredTicket stored, TicketStreamEvent event) {
        CustomerProfile customer;
        if (stored == null) {
            if (!(event.payload() instanceof TicketCreated created)) {
                log.warn("Ticket {} event {} (sequence {}, {}): its creation was never seen, so there are no facts "
                        + "to react on; skipped", event.ticketId(), event.eventId(), event.sequence(), event.type());
                return Optional.empty();
            }
            customer = customer(event.tenantId(), created.customerId());
            boolean withinHours = businessHours.getIfAvailable(() -> (tenant, instant) -> false)
                    .within(event.tenantId(), created.at() == null ? event.time() : created.at());
            return Optional.of(new StoredTicket(TicketSnapshots.created(event, customer, withinHours), null,
                    event.eventId()));
        }
        if (event.sequence() != stored.sequence() + 1) {
            log.warn("Ticket {} event {} has sequence {} after {}: events in between were never seen",
                    event.ticketId(), event.eventId(), event.sequence(), stored.sequence());
        }
        customer = customer(event.tenantId(), stored.current().customerId());
        return Optional.of(new StoredTicket(TicketSnapshots.next(stored.current(), event, customer), stored.current(),
                event.eventId()));
    }

    private CustomerProfile customer(String tenantId, String customerId) {
        return customerId == null ? null : customers.find(tenantId, customerId).orElse(null);
    }

    /** Another instance stored a later snapshot of the ticket meanwhile: the event is taken in again. */
    public static class SnapshotMovedOn extends RuntimeException {
        SnapshotMovedOn(String ticketId, long expected) {
            super("The snapshot of ticket " + ticketId + " moved on from sequence " + expected + " meanwhile");
        }
    }
}
