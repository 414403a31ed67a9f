/**
 * query-service answers every read from Elasticsearch projections of the ticket event stream.
 * It never calls ticket-service to answer a read.
 *
 * <ul>
 *   <li>{@code ticketsearch}: one document per ticket, kept by {@code TicketProjection} from the
 *       Kafka topic {@code autocrm.tickets.v1}; {@code ticketsearch.web} serves
 *       {@code GET /api/tickets} and {@code GET /api/tickets/{id}}.</li>
 *   <li>{@code elasticsearch}: client wiring.</li>
 *   <li>{@code tenancy}: which tenant a request reads, decided in one place.</li>
 * </ul>
 *
 * Consumes: {@code autocrm.tickets.v1} (consumer group {@code query-service}). Emits: nothing.
 */
package org.autocrm.query;
