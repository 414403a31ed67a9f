/**
 * Automatic assignment inside a group: which agent gets a ticket ({@link org.autocrm.routing.assignment.AgentPicker}),
 * by the group's strategy, the agents' availability, schedules, caps, skills and languages; and which waiting ticket
 * is offered first when capacity frees ({@link org.autocrm.routing.assignment.WaitingTicket#OFFER_ORDER}). Plain
 * Java: no web, messaging or storage.
 */
package org.autocrm.routing.assignment;
