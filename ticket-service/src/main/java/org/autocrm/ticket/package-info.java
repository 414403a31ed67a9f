/**
 * ticket-service owns every write to tickets.
 *
 * <ul>
 *   <li>{@code ticket}: the {@code Ticket} aggregate (Axon, event-sourced) with its commands and rules;
 *       {@code ticket.web} turns HTTP into commands.</li>
 *   <li>{@code customer}: the {@code Customer} aggregate; emails unique per tenant.</li>
 *   <li>{@code configuration}: categories, custom fields, priorities, status labels and canned
 *       responses, one small aggregate each, with read tables kept in the command's transaction.</li>
 *   <li>{@code attachment}: files in MongoDB GridFS, checked from their bytes.</li>
 *   <li>{@code history}: a ticket's events and its state at a moment, from the event store.</li>
 *   <li>{@code idempotency}: Idempotency-Key claims for opening tickets.</li>
 *   <li>{@code numbering}: the per-tenant human-friendly ticket numbers.</li>
 *   <li>{@code eventstore}: the Axon JDBC event store and token store on PostgreSQL (tables by Flyway).</li>
 *   <li>{@code publishing}: publishes every stored event to Kafka in the contract's envelope,
 *       at least once, in order per ticket.</li>
 *   <li>{@code identity}: who is calling, from the gateway's RS256 access token checked against its
 *       JWK set (tenant, user, role, groups, an API key's scopes), resolved in one place; and which
 *       scope an API key needs for each endpoint.</li>
 * </ul>
 *
 * Consumes: HTTP commands. Emits: {@code autocrm.tickets.v1}, {@code autocrm.customers.v1} and
 * {@code autocrm.ticket-configuration.v1} (see the ticket-events module). Run alone with
 * {@code java -jar target/ticket-service-0.1.0-SNAPSHOT-exec.jar} and the properties in the README.
 */
package org.autocrm.ticket;
