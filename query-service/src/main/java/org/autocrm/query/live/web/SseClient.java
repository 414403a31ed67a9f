package org.autocrm.query.live.web;

import java.io.IOException;
import org.autocrm.query.live.StreamClient;
import org.autocrm.query.live.StreamMessage;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A stream as Spring MVC holds it: each message written as Server-Sent Events and flushed at once. */
final class SseClient implements StreamClient {

    private final SseEmitter emitter;

    SseClient(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(StreamMessage message) throws IOException {
        SseEmitter.SseEventBuilder event = SseEmitter.event();
        if (message.id() != null) {
            event.id(message.id());
        }
        if (message.event() != null) {
            event.name(message.event()).data(message.data(), MediaType.APPLICATION_JSON);
        }
        if (message.comment() != null) {
            event.comment(message.comment());
        }
        emitter.send(event);
    }

    @Override
    public void close() {
        emitter.complete();
    }
}
