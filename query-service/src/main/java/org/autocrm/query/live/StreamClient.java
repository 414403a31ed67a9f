package org.autocrm.query.live;

import java.io.IOException;

/** A client's open stream, as the web adapter holds it. */
public interface StreamClient {

    /** Writes one message and flushes it; fails when the client has gone away. */
    void send(StreamMessage message) throws IOException;

    /** Ends the stream (the client may reconnect with {@code Last-Event-ID}). */
    void close();
}
