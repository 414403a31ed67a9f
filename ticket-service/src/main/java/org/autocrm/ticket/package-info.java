/**
 * ticket-service owns every write to tickets.
 *
 * <ul>
 *   <li>{@code ticket}: the {@code Ticket} aggregate (Axon, event-sourced) with its commands and rules;
 *       {@code ticket.web} turns HTTP into commands.</li>
 *   <li>{@code numbering}: the per-tenant human-friendly ticket numbers.</li>
 *   <li>{@code eventstore}: the Axon JDBC event store and token store on PostgreSQL (tables by Flyway).</li>
 *   <li>{@code publishing}: publishes every stored event to Kafka in the contract's envelope,
 *       at least once, in order per ticket.</li>
 *   <li>{@code identity}: who is calling (tenant, user, role), resolved in one place.</li>
 * </ul>
 *
 * Consumes: HTTP commands. Emits: {@code autocrm.tickets.v1} (see the ticket-events module).
 */
package org.autocrm.ticket;
