package org.autocrm.query.live;

/**
 * One message of a Server-Sent Events stream: an event ({@code event} and JSON {@code data}), possibly with an
 * {@code id}, or a comment (a heartbeat). A message with an id and no event only moves the client's
 * {@code Last-Event-ID} on, without an event.
 */
public record StreamMessage(String id, String event, Object data, String comment) {

    static StreamMessage event(String id, String event, Object data) {
        return new StreamMessage(id, event, data, null);
    }

    static StreamMessage comment(String id, String comment) {
        return new StreamMessage(id, null, null, comment);
    }
}
