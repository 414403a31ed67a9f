/**
 * Routing-service's own view of every ticket ({@link org.autocrm.routing.tickets.TicketSnapshot}), kept from the
 * ticket and customer streams, and the {@link org.autocrm.routing.tickets.TicketReaction}s it calls on each
 * event: rules, assignment and SLA clocks react to tickets through this package only.
 */
package org.autocrm.routing.tickets;
