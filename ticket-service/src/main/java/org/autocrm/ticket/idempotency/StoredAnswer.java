package org.autocrm.ticket.idempotency;

/**
 * The first answer to a ticket command sent with an Idempotency-Key, as it is replayed.
 *
 * @param status      the HTTP status (never 5xx: those are not stored, a retry runs again)
 * @param contentType the body's media type, or null without a body
 * @param etag        the ETag the answer carried (the ticket's version), or null
 * @param location    the Location the answer carried, or null
 * @param body        the body as sent
 */
record StoredAnswer(int status, String contentType, String etag, String location, byte[] body) {
}
