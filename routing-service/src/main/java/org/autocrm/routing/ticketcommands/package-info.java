/**
 * The port through which routing-service changes tickets ({@link org.autocrm.routing.ticketcommands.TicketCommands}):
 * ticket-service stays the only writer of ticket state; routing-service asks it, as its own principal, with an
 * idempotency key per command. The HTTP adapter is in {@code infrastructure}.
 */
package org.autocrm.routing.ticketcommands;
