package org.autocrm.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.query.replicafeed.TopicTail;
import org.autocrm.query.ticketsearch.TicketSnapshot;
import org.autocrm.query.ticketsearch.TicketSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the whole ticket topic in this replica (from the end as it was at the start: the stream shows what happens
 * from now on) and hands each event to {@link LiveStreams} once the ticket index includes it, so that what a caller
 * is shown is what the read API would answer them. A tenant with no open stream gets its events at once (they are
 * only kept for resuming). Events are handed over in offset order per partition, which keeps the stream's
 * positions ({@link Position}) exact; an event the index does not show within {@code max-wait} is handed over as
 * timed out (its tenant's clients are told to reload).
 */
@Component
class LiveFeed implements SmartLifecycle, TopicTail.Reader {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final ConsumerFactory<String, String> consumers;
    private final ObjectMapper json;
    private final TicketSnapshots snapshots;
    private final LiveStreams streams;
    private final LiveProperties properties;
    private final Clock clock = Clock.systemUTC();
    /** Only used on the tail's thread. */
    private final Map<Integer, Deque<Waiting>> waiting = new HashMap<>();
    private int waitingCount;
    private volatile TopicTail tail;

    LiveFeed(ConsumerFactory<String, String> consumers, ObjectMapper json, TicketSnapshots snapshots,
             LiveStreams streams, LiveProperties properties) {
        this.consumers = consumers;
        this.json = json;
        this.snapshots = snapshots;
        this.streams = streams;
        this.properties = properties;
    }

    /** A record read; {@code change} is null for one that is no ticket event of a tenant. */
    private record Waiting(int partition, long offset, TicketChange change) {
    }

    @Override
    public void started(int partition, long offset) {
        streams.started(partition, offset);
    }

    @Override
    public boolean wantsMore() {
        return waitingCount < properties.maxPending();
    }

    @Override
    public void read(List<ConsumerRecord<String, String>> records) {
        Instant now = clock.instant();
        for (ConsumerRecord<String, String> record : records) {
            waiting.computeIfAbsent(record.partition(), p -> new ArrayDeque<>())
                    .add(new Waiting(record.partition(), record.offset(), parse(record, now)));
            waitingCount++;
        }
        if (waitingCount > 0) {
            handOver(now);
        }
    }

    private TicketChange parse(ConsumerRecord<String, String> record, Instant now) {
        try {
            JsonNode envelope = json.readTree(record.value());
            return envelope == null ? null : TicketChange.of(record.partition(), record.offset(), now, envelope);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private void handOver(Instant now) {
        Map<String, TicketSnapshot> tickets = ticketsOfWatchedTenants();
        for (Deque<Waiting> partition : waiting.values()) {
            while (!partition.isEmpty()) {
                Waiting next = partition.peek();
                TicketChange change = next.change();
                if (change == null) {
                    streams.skipped(next.partition(), next.offset());
                } else if (!streams.watched(change.tenantId())) {
                    streams.released(change, null, false);
                } else if (tickets.containsKey(change.ticketId())
                        && tickets.get(change.ticketId()).version() >= change.sequence()) {
                    streams.released(change, tickets.get(change.ticketId()), false);
                } else if (Duration.between(change.receivedAt(), now).compareTo(properties.maxWait()) >= 0) {
                    log.warn("Ticket {} event {} is not in the index after {}; its tenant's streams are told to reload",
                            change.ticketId(), change.sequence(), properties.maxWait());
                    streams.released(change, null, true);
                } else {
                    break; // the partition's next events wait behind it, so positions stay exact
                }
                partition.poll();
                waitingCount--;
            }
        }
    }

    /** One read, as searches see the index (no refresh forced), of the tickets whose changes someone waits for. */
    private Map<String, TicketSnapshot> ticketsOfWatchedTenants() {
        Set<String> ids = new LinkedHashSet<>();
        waiting.values().forEach(partition -> partition.forEach(next -> {
            if (next.change() != null && streams.watched(next.change().tenantId())) {
                ids.add(next.change().ticketId());
            }
        }));
        try {
            return snapshots.read(ids, false);
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot read tickets for the live stream yet: {}", e.toString());
            return Map.of();
        }
    }

    @Override
    public void start() {
        tail = TopicTail.start(consumers, EventStreams.TICKETS, TopicTail.Start.atEnd(), this, POLL);
    }

    @Override
    public void stop() {
        TopicTail running = tail;
        tail = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return tail != null;
    }
}
