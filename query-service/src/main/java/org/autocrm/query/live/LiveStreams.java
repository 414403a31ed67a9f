package org.autocrm.query.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.autocrm.access.Caller;
import org.autocrm.query.ticketsearch.AttachmentView;
import org.autocrm.query.ticketsearch.MessageView;
import org.autocrm.query.ticketsearch.TicketSnapshot;
import org.autocrm.query.ticketsearch.TicketSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The open streams of this replica: who is listening in which tenant, what each of them may be shown of a ticket
 * change (the read API's visibility, through {@link TicketSnapshot}), and the latest events of each tenant for
 * clients that resume with {@code Last-Event-ID}. Fed by {@link LiveFeed} in the topic's order; presence changes
 * come through {@link #broadcast}.
 */
@Component
public class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final TicketSnapshots snapshots;
    private final LiveProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, TenantStreams> tenants = new ConcurrentHashMap<>();
    private final Map<Integer, Long> started = new ConcurrentHashMap<>();
    /** Every event before it has been handed to the tenants (guarded by itself). */
    private final Position released = Position.empty();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService senders;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private volatile boolean running;

    LiveStreams(TicketSnapshots snapshots, LiveProperties properties, TaskScheduler scheduler,
                MeterRegistry meters) {
        this.snapshots = snapshots;
        this.properties = properties;
        this.scheduler = scheduler;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senders(), runnable -> {
            Thread thread = new Thread(runnable, "live-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("autocrm.live.streams", open, AtomicInteger::get)
                .description("open GET /api/stream connections on this replica").register(meters);
    }

    /** Thrown when a user already has as many streams open as allowed. */
    public static final class TooManyStreams extends RuntimeException {
        public TooManyStreams(int allowed) {
            super("At most " + allowed + " live streams may be open at once for one user; close another first");
        }
    }

    /**
     * Opens a stream for the caller: only new events, or (with {@code resumeFrom}) first the events after that
     * position, or a {@code reload} event when this replica no longer has them all.
     */
    public Subscription subscribe(Caller caller, Position resumeFrom, StreamClient client) {
        TenantStreams tenant = tenant(caller.tenantId());
        synchronized (tenant) {
            if (tenant.streamsOf(caller.userId()) >= properties.maxStreamsPerUser()) {
                throw new TooManyStreams(properties.maxStreamsPerUser());
            }
            Position now = releasedNow();
            Subscription subscription;
            if (resumeFrom == null) {
                subscription = new Subscription(caller, client, now, properties.sendQueue());
                subscription.offer(new Subscription.Direct(StreamMessage.event(idOf(now), StreamEvents.READY,
                        new StreamEvents.Ready(false))));
            } else if (!tenant.holdsAllAfter(resumeFrom, Map.copyOf(started))) {
                subscription = new Subscription(caller, client, now, properties.sendQueue());
                subscription.offer(new Subscription.Direct(StreamMessage.event(null, StreamEvents.READY,
                        new StreamEvents.Ready(false))));
                subscription.offer(new Subscription.Direct(StreamMessage.event(idOf(now), StreamEvents.RELOAD,
                        new StreamEvents.Reload("The stream no longer has every event after Last-Event-ID"))));
            } else {
                subscription = new Subscription(caller, client, resumeFrom.copy(), properties.sendQueue());
                subscription.offer(new Subscription.Direct(StreamMessage.event(null, StreamEvents.READY,
                        new StreamEvents.Ready(true))));
                subscription.offer(new Subscription.Replay(tenant.after(resumeFrom), now));
            }
            tenant.subscribers.add(subscription);
            open.incrementAndGet();
            schedule(subscription);
            return subscription;
        }
    }

    /** The client went away or the stream ended: forget it. */
    public void unsubscribe(Subscription subscription) {
        subscription.markClosed();
        TenantStreams tenant = tenants.get(subscription.caller.tenantId());
        if (tenant != null) {
            synchronized (tenant) {
                if (tenant.subscribers.remove(subscription)) {
                    open.decrementAndGet();
                }
            }
        }
    }

    /**
     * Sends an event without id (not replayed) to every stream of the tenant whose caller {@code to} accepts. The
     * test runs on the sender thread of each stream.
     */
    public void broadcast(String tenantId, Predicate<Caller> to, String event, Object data) {
        TenantStreams tenant = tenants.get(tenantId);
        if (tenant == null) {
            return;
        }
        synchronized (tenant) {
            for (Subscription subscription : tenant.subscribers) {
                enqueue(subscription, new Subscription.Broadcast(event, data, to));
            }
        }
    }

    /** Streams open on this replica. */
    public int open() {
        return open.get();
    }

    /** Streams open on this replica in one tenant. */
    public int open(String tenantId) {
        TenantStreams tenant = tenants.get(tenantId);
        if (tenant == null) {
            return 0;
        }
        synchronized (tenant) {
            return tenant.subscribers.size();
        }
    }

    // ---- fed by LiveFeed, on its thread ---------------------------------------------------------------------

    void started(int partition, long offset) {
        started.put(partition, offset);
        synchronized (released) {
            released.advance(partition, offset);
        }
    }

    /** Whether anyone listens in the tenant (then a change waits until the ticket index shows it). */
    boolean watched(String tenantId) {
        TenantStreams tenant = tenants.get(tenantId);
        if (tenant == null) {
            return false;
        }
        synchronized (tenant) {
            return !tenant.subscribers.isEmpty();
        }
    }

    /** A ticket event, in topic order per partition; {@code snapshot} includes it (or null: nobody was listening). */
    void released(TicketChange change, TicketSnapshot snapshot, boolean timedOut) {
        TenantStreams tenant = tenant(change.tenantId());
        synchronized (tenant) {
            tenant.add(change, properties.bufferPerTenant());
            for (Subscription subscription : tenant.subscribers) {
                enqueue(subscription, new Subscription.Live(change, snapshot, timedOut));
            }
            advance(change.partition(), change.offset());
        }
    }

    /** A record that is no ticket event of a tenant: only the position moves. */
    void skipped(int partition, long offset) {
        advance(partition, offset);
    }

    private void advance(int partition, long offset) {
        synchronized (released) {
            released.advance(partition, offset + 1);
        }
    }

    private Position releasedNow() {
        synchronized (released) {
            return released.copy();
        }
    }

    private TenantStreams tenant(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantStreams());
    }

    // ---- writing to the clients ------------------------------------------------------------------------------

    private void enqueue(Subscription subscription, Subscription.Outgoing outgoing) {
        if (subscription.isClosed()) {
            return;
        }
        if (!subscription.offer(outgoing)) {
            log.info("Closing the live stream of {} in {}: it is more than {} messages behind",
                    subscription.caller.userId(), subscription.caller.tenantId(), properties.sendQueue());
            close(subscription);
            return;
        }
        schedule(subscription);
    }

    private void schedule(Subscription subscription) {
        if (subscription.draining.compareAndSet(false, true)) {
            senders.execute(() -> drain(subscription));
        }
    }

    private void drain(Subscription subscription) {
        while (true) {
            Subscription.Outgoing next = subscription.poll();
            if (next == null) {
                subscription.draining.set(false);
                if (subscription.isEmpty() || !subscription.draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (subscription.isClosed()) {
                continue;
            }
            try {
                write(subscription, next);
            } catch (IOException | RuntimeException gone) {
                log.debug("Live stream of {} ended: {}", subscription.caller.userId(), gone.toString());
                close(subscription);
            }
        }
    }

    private void close(Subscription subscription) {
        unsubscribe(subscription);
        try {
            subscription.client.close();
        } catch (RuntimeException e) {
            log.debug("Closing a live stream: {}", e.toString());
        }
    }

    private void write(Subscription subscription, Subscription.Outgoing outgoing) throws IOException {
        if (outgoing instanceof Subscription.Direct direct) {
            send(subscription, direct.message());
        } else if (outgoing instanceof Subscription.Heartbeat) {
            // an id without an event moves the client's Last-Event-ID past the events it was not shown
            send(subscription, StreamMessage.comment(
                    subscription.position.equals(subscription.lastSentId) ? null : idOf(subscription.position),
                    "heartbeat"));
        } else if (outgoing instanceof Subscription.Broadcast broadcast) {
            if (broadcast.to().test(subscription.caller)) {
                send(subscription, StreamMessage.event(null, broadcast.event(), broadcast.data()));
            }
        } else if (outgoing instanceof Subscription.Live live) {
            TicketSnapshot snapshot = live.snapshot();
            if (snapshot == null && !live.timedOut()) {
                snapshot = current(List.of(live.change())).map(found -> found.get(live.change().ticketId()))
                        .orElse(null);
            }
            show(subscription, live.change(), snapshot);
        } else if (outgoing instanceof Subscription.Replay replay) {
            replay(subscription, replay);
        }
    }

    private void replay(Subscription subscription, Subscription.Replay replay) throws IOException {
        Optional<Map<String, TicketSnapshot>> found = current(replay.changes());
        if (found.isEmpty()) {
            subscription.position.advanceTo(replay.until());
            send(subscription, StreamMessage.event(idOf(subscription.position), StreamEvents.RELOAD,
                    new StreamEvents.Reload("The events after Last-Event-ID cannot be shown right now")));
            return;
        }
        for (TicketChange change : replay.changes()) {
            show(subscription, change, found.get().get(change.ticketId()));
        }
        subscription.position.advanceTo(replay.until());
        if (!subscription.position.equals(subscription.lastSentId)) {
            send(subscription, StreamMessage.comment(idOf(subscription.position), "resumed"));
        }
    }

    /**
     * The tickets of these changes as the index has them now, each at least at its change's version; empty when
     * the index cannot say that (unreachable, or behind).
     */
    private Optional<Map<String, TicketSnapshot>> current(List<TicketChange> changes) {
        if (changes.isEmpty()) {
            return Optional.of(Map.of());
        }
        Set<String> ids = changes.stream().map(TicketChange::ticketId).collect(Collectors.toSet());
        try {
            Map<String, TicketSnapshot> found = snapshots.read(ids, true);
            boolean complete = changes.stream().allMatch(change -> found.containsKey(change.ticketId())
                    && found.get(change.ticketId()).version() >= change.sequence());
            return complete ? Optional.of(found) : Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read tickets for a live stream: {}", e.toString());
            return Optional.empty();
        }
    }

    /** One change as this caller may see it (possibly not at all); moves the stream's position past it. */
    private void show(Subscription subscription, TicketChange change, TicketSnapshot snapshot) throws IOException {
        if (change.offset() < subscription.position.of(change.partition())) {
            return; // already had it (replayed, or from another replica before resuming here)
        }
        subscription.position.advance(change.partition(), change.offset() + 1);
        String id = idOf(subscription.position);
        if (snapshot == null) {
            send(subscription, StreamMessage.event(id, StreamEvents.RELOAD,
                    new StreamEvents.Reload("A change of a ticket could not be shown in time")));
            return;
        }
        Optional<StreamMessage> message = messageFor(subscription.caller, change, snapshot, id);
        if (message.isPresent()) {
            send(subscription, message.get());
        }
    }

    /** What the caller is shown of the change: the ticket and messages as the read API shows them, or nothing. */
    static Optional<StreamMessage> messageFor(Caller caller, TicketChange change, TicketSnapshot ticket, String id) {
        if (!caller.tenantId().equals(change.tenantId()) || !ticket.tenantId().equals(change.tenantId())) {
            return Optional.empty();
        }
        if (!ticket.visibleTo(caller)) {
            boolean sawIt = change.reassigned()
                    && ticket.visibleWhenAssigned(caller, change.previousAgent(), change.previousGroup());
            return sawIt ? Optional.of(StreamMessage.event(id, StreamEvents.TICKET_HIDDEN,
                    new StreamEvents.TicketHidden(change.ticketId(), change.sequence(), change.time())))
                    : Optional.empty();
        }
        List<MessageView> messages = ticket.messagesFor(caller, change.messageIds());
        AttachmentView attachment = null;
        if (TicketChange.MESSAGE_ADDED.equals(change.type()) && messages.isEmpty()) {
            return Optional.empty();
        }
        if (TicketChange.CUSTOM_FIELD_CHANGED.equals(change.type())
                && !ticket.showsCustomField(caller, change.customFieldKey())) {
            return Optional.empty(); // not even that a field the caller does not see changed
        }
        if (TicketChange.ATTACHMENT_ADDED.equals(change.type())) {
            attachment = change.attachmentId() == null ? null
                    : ticket.attachmentFor(caller, change.attachmentId()).orElse(null);
            if (attachment == null) {
                return Optional.empty();
            }
        }
        return Optional.of(StreamMessage.event(id, StreamEvents.TICKET, new StreamEvents.TicketChanged(
                change.eventId(), change.type(), change.ticketId(), change.sequence(), change.time(), change.by(),
                ticket.viewFor(caller), messages, attachment == null ? List.of() : List.of(attachment))));
    }

    private static void send(Subscription subscription, StreamMessage message) throws IOException {
        subscription.client.send(message);
        if (message.id() != null) {
            subscription.lastSentId = subscription.position.copy();
        }
    }

    private static String idOf(Position position) {
        return position.isEmpty() ? null : position.toString();
    }

    // ---- upkeep ----------------------------------------------------------------------------------------------

    private void heartbeats() {
        tenants.values().forEach(tenant -> {
            synchronized (tenant) {
                tenant.subscribers.forEach(subscription -> enqueue(subscription, new Subscription.Heartbeat()));
            }
        });
    }

    private void forgetOldEvents() {
        java.time.Instant oldest = clock.instant().minus(properties.bufferFor());
        tenants.values().forEach(tenant -> {
            synchronized (tenant) {
                tenant.dropOlderThan(oldest);
            }
        });
    }

    @Override
    public void start() {
        running = true;
        timers.add(scheduler.scheduleAtFixedRate(this::heartbeats, properties.heartbeat()));
        timers.add(scheduler.scheduleAtFixedRate(this::forgetOldEvents, java.time.Duration.ofSeconds(10)));
    }

    /** Ends every stream before the web server's graceful shutdown would wait for them. */
    @Override
    public void stop() {
        running = false;
        timers.forEach(timer -> timer.cancel(false));
        timers.clear();
        tenants.values().forEach(tenant -> {
            List<Subscription> all;
            synchronized (tenant) {
                all = List.copyOf(tenant.subscribers);
            }
            all.forEach(this::close);
        });
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
