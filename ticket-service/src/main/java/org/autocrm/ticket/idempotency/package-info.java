/**
 * Idempotency-Key on ticket commands: {@code JdbcIdempotentRequests} keeps which ticket a key opened (inside the
 * opening command's transaction); {@code IdempotentTicketCommands} stores the first answer to every other ticket
 * command sent with a key and replays it to a retry ({@code StoredAnswers}, table {@code idempotent_answer}),
 * removing answers older than the retention ({@code IdempotencyConfiguration}).
 */
package org.autocrm.ticket.idempotency;
