package org.autocrm.query.presence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.access.Caller;
import org.autocrm.query.live.LiveStreams;
import org.autocrm.query.live.StreamEvents;
import org.autocrm.query.replicafeed.TopicTail;
import org.autocrm.query.ticketsearch.TicketSnapshot;
import org.autocrm.query.ticketsearch.TicketSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Who is viewing or typing on a ticket, across all replicas: a change is published on the presence topic, and
 * every replica (this one too) reads the whole topic into its {@link PresenceBoard} in the topic's order, so each
 * answers the same and tells its own streams. A presence not refreshed within {@code ttl} expires on every replica
 * by itself. Changes are told on the streams of staff who may see the ticket; who may ask is decided in
 * {@code web}.
 */
@Component
public class TicketPresence implements SmartLifecycle, TopicTail.Reader {

    private static final Logger log = LoggerFactory.getLogger(TicketPresence.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaOperations<Object, Object> kafka;
    private final ObjectMapper json;
    private final TicketSnapshots tickets;
    private final LiveStreams streams;
    private final PresenceProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock = Clock.systemUTC();
    private final PresenceBoard board = new PresenceBoard();
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();
    private volatile TopicTail tail;
    private ScheduledFuture<?> expiry;

    TicketPresence(ConsumerFactory<String, String> consumers, KafkaOperations<Object, Object> kafka, ObjectMapper json,
                   TicketSnapshots tickets, LiveStreams streams, PresenceProperties properties,
                   TaskScheduler scheduler) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.json = json;
        this.tickets = tickets;
        this.streams = streams;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    /** The presence topic cannot be written now. */
    public static final class PresenceUnavailable extends RuntimeException {
        PresenceUnavailable(Throwable cause) {
            super("Presence is temporarily unavailable", cause);
        }
    }

    /** HoldPresence: the caller is on the ticket, doing this, for {@code ttl} from now; who is there then. */
    public List<Presence> hold(Caller caller, String ticketId, PresenceState state) {
        Instant now = clock.instant();
        publish(new PresenceRecord(UUID.randomUUID().toString(), caller.tenantId(), ticketId, caller.userId(),
                caller.name(), state.wireName(), now, now.plus(properties.ttl())));
        return on(caller.tenantId(), ticketId);
    }

    /** LeaveTicket: the caller is no longer on the ticket. */
    public void leave(Caller caller, String ticketId) {
        Instant now = clock.instant();
        publish(new PresenceRecord(UUID.randomUUID().toString(), caller.tenantId(), ticketId, caller.userId(),
                caller.name(), PresenceRecord.LEFT, now, now));
    }

    /** Who is on the ticket now, longest there first. */
    public List<Presence> on(String tenantId, String ticketId) {
        return board.on(tenantId, ticketId, clock.instant());
    }

    public Duration ttl() {
        return properties.ttl();
    }

    /** Publishes and waits (a little) until this replica has read it back, so that its answers include it. */
    private void publish(PresenceRecord record) {
        CompletableFuture<Void> readBack = new CompletableFuture<>();
        awaited.put(record.id(), readBack);
        try {
            try {
                kafka.send(properties.topic(), record.key(), json.writeValueAsString(record))
                        .get(properties.readBack().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | JsonProcessingException | RuntimeException e) {
                throw new PresenceUnavailable(e);
            }
            try {
                readBack.get(properties.readBack().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                log.debug("Presence change {} not read back within {}", record.id(), properties.readBack());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PresenceUnavailable(e);
        } finally {
            awaited.remove(record.id());
        }
    }

    // ---- every replica reads the topic -------------------------------------------------------------------------

    @Override
    public void started(int partition, long offset) {
    }

    @Override
    public void read(List<ConsumerRecord<String, String>> records) {
        Instant now = clock.instant();
        List<PresenceBoard.Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            PresenceRecord presence;
            try {
                presence = json.readValue(record.value(), PresenceRecord.class);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Skipping an unreadable presence record at {}-{}@{}", record.topic(), record.partition(),
                        record.offset());
                continue;
            }
            if (presence.tenantId() == null || presence.ticketId() == null || presence.userId() == null
                    || presence.state() == null || presence.at() == null || presence.expiresAt() == null) {
                continue;
            }
            board.apply(presence, now).ifPresent(changes::add);
            CompletableFuture<Void> waiting = presence.id() == null ? null : awaited.get(presence.id());
            if (waiting != null) {
                waiting.complete(null);
            }
        }
        tell(changes);
    }

    private void expire() {
        try {
            tell(board.expire(clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Expiring presences failed: {}", e.toString());
        }
    }

    /** Tells each change to the streams of staff who may see its ticket. */
    private void tell(List<PresenceBoard.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, TicketSnapshot> seen;
        try {
            seen = tickets.read(changes.stream().map(PresenceBoard.Change::ticketId).distinct().toList(), false);
        } catch (IOException e) {
            log.warn("Cannot tell presence changes now (ticket index unavailable): {}", e.toString());
            return;
        }
        for (PresenceBoard.Change change : changes) {
            TicketSnapshot ticket = seen.get(change.ticketId());
            if (ticket != null && ticket.tenantId().equals(change.tenantId())) {
                streams.broadcast(change.tenantId(), caller -> caller.isStaff() && ticket.visibleTo(caller),
                        StreamEvents.PRESENCE, change.event());
            }
        }
    }

    @Override
    public void start() {
        tail = TopicTail.start(consumers, properties.topic(), TopicTail.Start.since(properties.ttl()), this, POLL);
        expiry = scheduler.scheduleAtFixedRate(this::expire, Duration.ofSeconds(1));
    }

    @Override
    public void stop() {
        if (expiry != null) {
            expiry.cancel(false);
        }
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
