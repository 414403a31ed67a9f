/**
 * ticket-service owns every write to tickets.
 *
 * <ul>
 *   <li>{@code ticket}: the {@code Ticket} aggregate (Axon, event-sourced) with its members
 *       ({@code TicketDetails}, {@code Conversation}), its commands and rules; every command carries one
 *       {@code CommandContext} (tenant, If-Match version, actor, groups). {@code StatusTransitions} holds
 *       every way a ticket's status changes, {@code TicketPermissions} what each role may do and see, and
 *       the other policies ({@code Opening}, {@code TicketFields}, {@code Assignment}, {@code NewMessage},
 *       {@code Relations}, {@code Rating}) the rest; {@code ticket.web} turns HTTP into commands.</li>
 *   <li>{@code customer}: the {@code Customer} aggregate; emails unique per tenant.</li>
 *   <li>{@code configuration}: categories, custom fields, priorities, status labels and canned
 *       responses, one small aggregate each, with read tables kept in the command's transaction.</li>
 *   <li>{@code attachment}: files in MongoDB GridFS, checked from their bytes.</li>
 *   <li>{@code history}: a ticket's events and its state at a moment, from the event store.</li>
 *   <li>{@code idempotency}: Idempotency-Key on every ticket command: claims for opening tickets (in the
 *       command), and for every other command the stored first answer, replayed to a retry
 *       ({@code IdempotentTicketCommands}, table {@code idempotent_answer}, kept 24 h).</li>
 *   <li>{@code numbering}: the per-tenant human-friendly ticket numbers.</li>
 *   <li>{@code eventstore}: the Axon JDBC event store and token store on PostgreSQL (tables by Flyway).</li>
 *   <li>{@code publishing}: publishes every stored event to Kafka in the contract's envelope,
 *       at least once, in order per ticket.</li>
 *   <li>{@code web}: the service-wide HTTP adapter: which scope an API key needs for each endpoint
 *       (the {@code ApiKeyScopes} bean) and every refusal answered as an RFC 9457 problem by its kind;
 *       it knows no feature. Who is calling (access token or, in tests, dev headers), the API-key
 *       scope check and the 401/403/503 answers come from the service kit ({@code service-access}):
 *       controllers take its {@code Caller}, rules judge its {@code Role}.</li>
 *   <li>{@code refusal}: the one refusal model: each feature's rules are an enum implementing
 *       {@code Refusal} (stable code, field, kind, problem type and title), thrown as {@code Refused}.</li>
 *   <li>{@code actor}: the bridge between the kit's {@code Caller}/{@code Role} and the event
 *       contract's {@code Actor}, which carries the role as its wire string and, for an automation,
 *       the reason it gave ({@code AutoCRM-Reason}, see {@code AutomationReason}).</li>
 * </ul>
 *
 * Consumes: HTTP commands. Emits: {@code autocrm.tickets.v1}, {@code autocrm.customers.v1} and
 * {@code autocrm.ticket-configuration.v1} (see the ticket-events module). Run alone with
 * {@code java -jar target/ticket-service-0.1.0-SNAPSHOT-exec.jar} and the properties in the README.
 */
package org.autocrm.ticket;
