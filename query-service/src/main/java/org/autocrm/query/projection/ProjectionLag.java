package org.autocrm.query.projection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Measures how far each projection is behind the topic: events (end offsets minus the live position, which is the
 * committed offset or, when further, what this instance has applied) and seconds (how old the oldest unapplied event
 * can be at most: now minus the later of the last applied event's time and the last moment the projection was seen
 * caught up). Measured every {@code autocrm.query.projections.lag-refresh}, published as the gauges
 * {@code autocrm.projection.lag.events} and {@code autocrm.projection.lag.seconds} (tag {@code projection}) and
 * read by the {@code projections} health contributor.
 */
@Component
public class ProjectionLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    private static final long TIMEOUT_SECONDS = 5;

    /** One measurement; {@code error} set (and the figures -1) when Kafka could not be asked. */
    public record Lag(long events, double seconds, Instant measuredAt, String error) {

        public boolean known() {
            return error == null;
        }
    }

    private final Projections projections;
    private final KafkaAdmin kafkaAdmin;
    private final ProjectionProperties properties;
    private final Clock clock;
    private final Map<String, Lag> latest = new ConcurrentHashMap<>();
    private final Map<String, Instant> caughtUpAt = new ConcurrentHashMap<>();
    private final Instant startedAt;
    private volatile ScheduledExecutorService scheduler;
    private volatile Admin admin;

    ProjectionLag(Projections projections, KafkaAdmin kafkaAdmin, ProjectionProperties properties,
                  MeterRegistry meters) {
        this.projections = projections;
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.startedAt = clock.instant();
        for (Projection projection : projections.all()) {
            String name = projection.name();
            Gauge.builder("autocrm.projection.lag.events", () -> lag(name).map(l -> (double) l.events()).orElse(Double.NaN))
                    .tag("projection", name).description("Events on the topic this projection has not applied yet")
                    .register(meters);
            Gauge.builder("autocrm.projection.lag.seconds", () -> lag(name).map(Lag::seconds).orElse(Double.NaN))
                    .tag("projection", name).baseUnit("seconds")
                    .description("How old the oldest event this projection has not applied can be at most")
                    .register(meters);
            ProjectionProgress progress = projections.progress(projection);
            FunctionCounter.builder("autocrm.projection.events.applied", progress, ProjectionProgress::applied)
                    .tag("projection", name).description("Events the live listener applied since the start")
                    .register(meters);
            FunctionCounter.builder("autocrm.projection.dead.letters", progress, ProjectionProgress::deadLettered)
                    .tag("projection", name).description("Events sent to the dead-letter topic since the start")
                    .register(meters);
        }
    }

    /** The last measurement of the projection; empty before the first. */
    public Optional<Lag> lag(String projection) {
        return Optional.ofNullable(latest.get(projection));
    }

    /** When the service started: the reference for "applied nothing for too long" before the first event. */
    Instant startedAt() {
        return startedAt;
    }

    /** Measures every projection now. */
    public void refresh() {
        for (Projection projection : projections.all()) {
            Lag lag;
            try {
                lag = measure(projection);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.debug("Could not measure the lag of {}: {}", projection.name(), e.toString());
                lag = new Lag(-1, -1, clock.instant(), e.toString());
            }
            latest.put(projection.name(), lag);
        }
    }

    private Lag measure(Projection projection) throws Exception {
        Admin kafka = admin();
        String group = projections.groupId(projection);
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions;
        try {
            partitions = kafka.describeTopics(List.of(projection.topic())).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(projection.topic()).partitions().stream()
                    .map(p -> new TopicPartition(projection.topic(), p.partition())).toList();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
            // the producing service has not created its topic yet (routing-service's SLA topic before its first
            // start): nothing published, so nothing to be behind on
            return new Lag(0, 0, clock.instant(), null);
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(kafka, partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = offsets(kafka, partitions, OffsetSpec.earliest());
        Map<Integer, Long> applied = projections.progress(projection).nextOffsets();
        long behind = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata commit = committed.get(partition);
            long position = Math.max(commit == null ? starts.get(partition).offset() : commit.offset(),
                    applied.getOrDefault(partition.partition(), 0L));
            behind += Math.max(0, ends.get(partition).offset() - position);
        }
        Instant now = clock.instant();
        if (behind == 0) {
            caughtUpAt.put(projection.name(), now);
            return new Lag(0, 0, now, null);
        }
        Instant reference = later(caughtUpAt.getOrDefault(projection.name(), startedAt),
                projections.progress(projection).lastEventTime());
        return new Lag(behind, Math.max(0, Duration.between(reference, now).toMillis() / 1000.0), now, null);
    }

    /**
     * The subjects (tickets, customers: the Kafka keys their events are published under) whose partition of the
     * projection's topic this projection has applied to its end, asked of Kafka now, within {@code timeout}: of such
     * a subject, every event published so far is in the projection. The end offsets are read before the positions,
     * and positions only grow, so a subject answered here had nothing unapplied at the moment its end was read.
     * Empty when Kafka cannot be asked in time: nothing is known to be caught up then.
     */
    public Set<String> caughtUp(Projection projection, Collection<String> subjects, Duration timeout) {
        if (subjects.isEmpty()) {
            return Set.of();
        }
        long millis = Math.max(1, timeout.toMillis());
        try {
            Admin kafka = admin();
            int partitions = kafka.describeTopics(List.of(projection.topic())).allTopicNames()
                    .get(millis, TimeUnit.MILLISECONDS).get(projection.topic()).partitions().size();
            Map<String, TopicPartition> partitionOf = new HashMap<>();
            for (String subject : subjects) {
                partitionOf.put(subject, new TopicPartition(projection.topic(), partitionOf(subject, partitions)));
            }
            List<TopicPartition> holding = List.copyOf(new HashSet<>(partitionOf.values()));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            holding.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all()
                    .get(millis, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(projections.groupId(projection))
                    .partitionsToOffsetAndMetadata().get(millis, TimeUnit.MILLISECONDS);
            Map<Integer, Long> applied = projections.progress(projection).nextOffsets();
            Set<String> caughtUp = new HashSet<>();
            partitionOf.forEach((subject, partition) -> {
                OffsetAndMetadata commit = committed.get(partition);
                long position = Math.max(commit == null ? 0 : commit.offset(), applied.getOrDefault(partition.partition(), 0L));
                if (position >= ends.get(partition).offset()) {
                    caughtUp.add(subject);
                }
            });
            return caughtUp;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Could not ask Kafka whether {} is caught up: {}", projection.name(), e.toString());
            return Set.of();
        }
    }

    /** The partition ticket-service's producer puts a key in: Kafka's default partitioner, murmur2 of the key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(
            Admin kafka, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return kafka.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "query-service-projection-lag");
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-lag");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.lagRefresh().toMillis();
        executor.scheduleWithFixedDelay(this::refreshQuietly, period, period, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Measuring projection lag failed", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
                admin = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
