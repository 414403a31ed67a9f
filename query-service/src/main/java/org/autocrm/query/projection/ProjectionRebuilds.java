package org.autocrm.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection into a new index while the live one keeps serving and writing:
 * <ol>
 *   <li>a new index with the current mapping is created, not behind the alias;</li>
 *   <li>a separate consumer (no consumer group, so the live group's offsets are untouched) replays the topic from
 *       the beginning into it, up to the end offsets of that moment;</li>
 *   <li>this instance's live listener is paused; the replay continues to the end offsets of now; the alias is
 *       swapped to the new index in one {@code _aliases} request; the replay continues once more to the end offsets
 *       read after the swap, so every event published before the swap is in the new index whichever instance
 *       applied it to the old one, and every event published after it reaches the new index through the alias;
 *       the live listener resumes (re-applying what the replay already did is a no-op: external versions);</li>
 *   <li>{@link ProjectionRebuilt} is published, for what the replay does not write itself;</li>
 *   <li>the old index is deleted (or kept, {@code autocrm.query.projections.keep-old-index=true}).</li>
 * </ol>
 * If anything fails before the swap, the new index is dropped and the alias left alone; after it, the new index stays
 * behind the alias and the old one is kept. The status lives in this
 * instance only.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int STORE_ATTEMPTS = 10;

    public enum State { RUNNING, COMPLETED, FAILED }

    /** A rebuild as the admin API shows it. */
    public record RebuildStatus(String projection, State state, String phase, Set<String> previousIndices,
                                String newIndex, Instant startedAt, Instant finishedAt, long eventsApplied,
                                long eventsSkipped, String error) {
    }

    /** Asked to rebuild a projection that is being rebuilt already. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String projection) {
            super("A rebuild of " + projection + " is already running");
        }
    }

    private final Projections projections;
    private final ConsumerFactory<String, String> consumers;
    private final ProjectionProperties properties;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilds(Projections projections, ConsumerFactory<String, String> consumers,
                       ProjectionProperties properties, ObjectMapper json, ApplicationEventPublisher events) {
        this.projections = projections;
        this.consumers = consumers;
        this.properties = properties;
        this.json = json;
        this.events = events;
    }

    /** Starts a rebuild in the background and returns its status at once. */
    public RebuildStatus start(Projection projection) {
        Rebuild rebuild = new Rebuild(projection, clock.instant());
        Rebuild current = rebuilds.compute(projection.name(), (name, previous) -> {
            if (previous != null && previous.state == State.RUNNING) {
                return previous;
            }
            return rebuild;
        });
        if (current != rebuild) {
            throw new AlreadyRunning(projection.name());
        }
        executor.execute(() -> run(rebuild));
        return rebuild.status();
    }

    /** The running or last rebuild of the projection in this instance. */
    public Optional<RebuildStatus> status(String projection) {
        return Optional.ofNullable(rebuilds.get(projection)).map(Rebuild::status);
    }

    private void run(Rebuild rebuild) {
        Projection projection = rebuild.projection;
        boolean swapped = false;
        try (Consumer<String, String> consumer = replayingConsumer(projection)) {
            VersionedIndex index = projection.index();
            index.ensureExists();
            rebuild.newIndex = index.createNextIndex();
            rebuild.previous = index.currentIndices();
            log.info("Rebuilding projection {} into {} (alias {} now at {})", projection.name(), rebuild.newIndex,
                    index.alias(), rebuild.previous);
            Set<TopicPartition> partitions = partitionsOf(consumer, projection.topic());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            rebuild.phase = "replaying";
            replayToEnd(consumer, partitions, rebuild);

            rebuild.phase = "swapping";
            Optional<MessageListenerContainer> live = projections.listener(projection);
            live.ifPresent(this::pause);
            try {
                replayToEnd(consumer, partitions, rebuild);
                rebuild.previous = index.currentIndices();
                index.swapTo(rebuild.newIndex, rebuild.previous);
                swapped = true;
                projection.recent().forgetAll();
                replayToEnd(consumer, partitions, rebuild);
            } finally {
                live.ifPresent(MessageListenerContainer::resume);
            }

            rebuild.phase = "completing";
            events.publishEvent(new ProjectionRebuilt(projection.name(), rebuild.newIndex));

            rebuild.phase = "cleaning up";
            for (String old : rebuild.previous) {
                if (!old.equals(rebuild.newIndex) && !properties.keepOldIndex()) {
                    index.delete(old);
                }
            }
            rebuild.finish(State.COMPLETED, "done", null, clock.instant());
            log.info("Rebuilt projection {} into {}: {} events applied, {} skipped", projection.name(),
                    rebuild.newIndex, rebuild.applied.get(), rebuild.skipped.get());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Rebuild of projection {} failed in phase {}", projection.name(), rebuild.phase, e);
            if (!swapped && rebuild.newIndex != null) {
                try {
                    projection.index().delete(rebuild.newIndex);
                } catch (Exception cleanup) {
                    log.warn("Could not delete the unfinished index {}: {}", rebuild.newIndex, cleanup.toString());
                }
            }
            rebuild.finish(State.FAILED, rebuild.phase, ProjectionConsumption.rootCause(e).toString(), clock.instant());
        }
    }

    /** Reads until every partition's position has reached its end offset as it is now. */
    private void replayToEnd(Consumer<String, String> consumer, Set<TopicPartition> partitions, Rebuild rebuild)
            throws InterruptedException {
        Map<TopicPartition, Long> targets = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < targets.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                apply(record, rebuild);
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record, Rebuild rebuild) throws InterruptedException {
        JsonNode envelope;
        try {
            envelope = json.readTree(record.value());
        } catch (JsonProcessingException unreadable) {
            rebuild.skipped.incrementAndGet();
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                rebuild.projection.writer().apply(envelope, rebuild.newIndex);
                rebuild.applied.incrementAndGet();
                return;
            } catch (Exception e) {
                if (ProjectionConsumption.cannotSucceed(e)) {
                    // the live listener dead-lettered it (or will): the rebuild passes over it as well
                    log.debug("Rebuild of {} skips {}-{}@{}: {}", rebuild.projection.name(), record.topic(),
                            record.partition(), record.offset(), e.toString());
                    rebuild.skipped.incrementAndGet();
                    return;
                }
                if (attempt >= STORE_ATTEMPTS) {
                    throw new IllegalStateException("Cannot write to " + rebuild.newIndex + " after " + attempt
                            + " attempts", e);
                }
                Thread.sleep(Math.min(10_000, 250L << attempt));
            }
        }
    }

    private void pause(MessageListenerContainer live) {
        if (!live.isRunning()) {
            return;
        }
        live.pause();
        long deadline = System.nanoTime() + properties.pauseTimeout().toNanos();
        while (!live.isContainerPaused() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!live.isContainerPaused()) {
            // correctness does not depend on it (see the class comment); it only keeps the live writes quiet
            log.warn("Live listener {} did not pause within {}; swapping anyway", live.getListenerId(),
                    properties.pauseTimeout());
        }
    }

    private Consumer<String, String> replayingConsumer(Projection projection) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return consumers.createConsumer(null, "query-service-rebuild-" + projection.name(), null, overrides);
    }

    private static Set<TopicPartition> partitionsOf(Consumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static final class Rebuild {
        final Projection projection;
        final Instant startedAt;
        final AtomicLong applied = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile String phase = "starting";
        volatile String newIndex;
        volatile Set<String> previous = Set.of();
        volatile Instant finishedAt;
        volatile String error;

        Rebuild(Projection projection, Instant startedAt) {
            this.projection = projection;
            this.startedAt = startedAt;
        }

        void finish(State state, String phase, String error, Instant at) {
            this.phase = phase;
            this.error = error;
            this.finishedAt = at;
            this.state = state;
        }

        RebuildStatus status() {
            return new RebuildStatus(projection.name(), state, phase, previous, newIndex, startedAt, finishedAt,
                    applied.get(), skipped.get(), error);
        }
    }
}
