/**
 * query-service answers every read from Elasticsearch projections of the ticket event stream.
 * It never calls ticket-service to answer a read.
 *
 * <ul>
 *   <li>{@code ticketsearch}: one document per ticket, kept by {@code TicketProjection} from the
 *       Kafka topic {@code autocrm.tickets.v1}; {@code ticketsearch.web} serves the ticket list and
 *       search, one ticket, the queue statistics and a customer's tickets.</li>
 *   <li>{@code metrics}: one metrics document per ticket, kept by its own projection (consumer group
 *       {@code query-service.metrics}); {@code GET /api/metrics/tickets} and {@code GET /api/metrics/agents},
 *       as JSON or CSV.</li>
 *   <li>{@code customers}: one document per customer, kept by {@code CustomerProjection} from
 *       {@code autocrm.customers.v1} (consumer group {@code query-service.customers}) with ticket figures
 *       recounted from the ticket index; the company and tier it copies onto tickets and ticket metrics;
 *       {@code GET /api/customers}.</li>
 *   <li>{@code views}: saved ticket views, query-service's own data; {@code /api/views}.</li>
 *   <li>{@code projection}: operating the projections: versioned indices behind aliases, the admin rebuild
 *       ({@code /api/admin/projections}), lag gauges, the {@code projections} health contributor and the dead-letter
 *       topic {@code autocrm.tickets.v1.query-service.dlt}.</li>
 *   <li>{@code readafter}: read-your-writes ({@code X-AutoCRM-Read-After}, {@code minVersion}) for every read.</li>
 *   <li>{@code live}: {@code GET /api/stream}, the ticket changes each caller may see as Server-Sent Events
 *       ({@code ticketsearch.TicketSnapshot} applies the read API's visibility), resumable on any replica.</li>
 *   <li>{@code presence}: who is viewing or typing on a ticket ({@code /api/presence/tickets/{id}}), shared by the
 *       replicas on the topic {@code autocrm.presence.v1} and told on the stream.</li>
 *   <li>{@code replicafeed}: reading a whole topic in every replica, without a consumer group (the live stream and
 *       presence).</li>
 *   <li>{@code elasticsearch}: client wiring.</li>
 *   <li>{@code access}: the scope an API key needs for each read; who is reading (tenant, user, role, groups,
 *       scopes) comes from the service kit ({@code service-access}), which checks the gateway's access token
 *       before any controller runs; every query applies the visibility rules to that caller.</li>
 * </ul>
 *
 * Consumes: {@code autocrm.tickets.v1} (consumer groups {@code query-service} and
 * {@code query-service.metrics}, and every replica without a group for the live stream),
 * {@code autocrm.customers.v1} (consumer group {@code query-service.customers}) and {@code autocrm.presence.v1}
 * (every replica). Emits: {@code autocrm.presence.v1}, dead letters and the live stream. See the module's README. Run alone with
 * {@code java -jar target/query-service-0.1.0-SNAPSHOT-exec.jar} and the properties in the README.
 */
package org.autocrm.query;
