package org.autocrm.routing.tickets;

/**
 * Something routing-service does when a ticket changes: run the rules, assign within a group, move SLA clocks.
 * Every reaction (a Spring bean) is called, in {@code @Order}, for each event of the ticket stream after the
 * ticket's {@link TicketSnapshot} has taken it in; events of one ticket arrive in their order.
 *
 * <p>An event may be delivered again (a restart, a rebalance, a second replica taking a partition over); the
 * reaction is then called again with the same arguments, and must not act twice: commands carry
 * {@code <eventId>:<action>} idempotency keys, stored state checks the event id or sequence it last took in. A
 * reaction that throws makes the event be delivered again (after a pause), so throw only for what a retry can
 * mend (a service or store not reachable), never for a ticket that cannot be handled.
 */
public interface TicketReaction {

    /**
     * @param before the ticket before the event, or {@code null} when the event created it
     * @param after  the ticket with the event taken in
     */
    void react(TicketStreamEvent event, TicketSnapshot before, TicketSnapshot after);
}
