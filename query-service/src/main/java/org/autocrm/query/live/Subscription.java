package org.autocrm.query.live;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.autocrm.access.Caller;
import org.autocrm.query.ticketsearch.TicketSnapshot;

/**
 * One open stream: who it is for, how far through the ticket topic it has got, and what waits to be written to
 * it. Whatever waits is written in order by one sender thread at a time, so a slow client holds up only itself.
 */
public final class Subscription {

    /** What waits to be written. */
    sealed interface Outgoing permits Live, Replay, Broadcast, Heartbeat, Direct {
    }

    /** A change released by the feed; without a snapshot the sender reads the ticket itself. */
    record Live(TicketChange change, TicketSnapshot snapshot, boolean timedOut) implements Outgoing {
    }

    /** The buffered changes after the client's position, then everything up to {@code until}. */
    record Replay(List<TicketChange> changes, Position until) implements Outgoing {
    }

    /** An event without id (presence), for the stream if its caller passes {@code to}. */
    record Broadcast(String event, Object data, Predicate<Caller> to) implements Outgoing {
    }

    record Heartbeat() implements Outgoing {
    }

    record Direct(StreamMessage message) implements Outgoing {
    }

    final Caller caller;
    final StreamClient client;
    /** Written only by the sender draining this stream (or before it is registered). */
    Position position;
    Position lastSentId;
    private final Deque<Outgoing> queue = new ArrayDeque<>();
    private final int capacity;
    final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;

    Subscription(Caller caller, StreamClient client, Position position, int capacity) {
        this.caller = caller;
        this.client = client;
        this.position = position;
        this.lastSentId = position.copy();
        this.capacity = capacity;
    }

    /** False when the client is this far behind: the stream is then to be closed. */
    synchronized boolean offer(Outgoing outgoing) {
        if (queue.size() >= capacity) {
            return false;
        }
        queue.add(outgoing);
        return true;
    }

    synchronized Outgoing poll() {
        return queue.poll();
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    boolean isClosed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }
}
