/**
 * A ticket's past, read straight from the event store: every event with who and when
 * ({@code GET /api/tickets/{id}/history}) and the ticket as it was at any moment
 * ({@code GET /api/tickets/{id}/as-of/...}). Customers see only what was public to them.
 */
package org.autocrm.ticket.history;
