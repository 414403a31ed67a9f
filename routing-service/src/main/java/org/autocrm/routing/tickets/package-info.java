/**
 * Routing-service's own view of every ticket ({@link org.autocrm.routing.tickets.TicketSnapshot}), kept from the
 * ticket and customer streams, and the {@link org.autocrm.routing.tickets.TicketReaction}s it calls on each
 * event: rules, assignment and SLA clocks react to tickets through this package only.
 * {@link org.autocrm.routing.tickets.FollowingTickets} takes each event in (new, redelivered or older) and calls the
 * reactions; {@link org.autocrm.routing.tickets.TicketSnapshots} folds an event into a snapshot. The Kafka listener
 * and the MongoDB stores are in {@code infrastructure}.
 */
package org.autocrm.routing.tickets;
