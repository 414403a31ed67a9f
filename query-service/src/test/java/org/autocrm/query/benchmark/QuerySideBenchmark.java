package org.autocrm.query.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.autocrm.events.EventEnvelope;
import org.autocrm.events.EventStreams;
import org.autocrm.events.PublishedEvent;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.infrastructure.InfrastructureSettings;
import org.autocrm.query.QueryServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side's load driver: loads a large, realistic ticket stream through Kafka into a real
 * query-service on real Elasticsearch, then prints indexing throughput, projection lag while new
 * tickets keep arriving, and read-API latencies. Run it with {@code query-service/benchmark}
 * (see the query-service README); {@code --tickets=N --rate=R --mixed-seconds=S --queries=Q
 * --tenants=T}.
 */
public final class QuerySideBenchmark {

    /** The consumer groups that must have applied everything before reads are measured: tickets, metrics, customers. */
    private static final List<String> GROUPS = List.of("query-service", "query-service.metrics",
            "query-service.customers");
    /** A benchmark whose projections stop making progress for this long fails instead of waiting forever. */
    private static final Duration STALL_LIMIT = Duration.ofMinutes(5);
    private static final List<String> TOPICS = List.of(EventStreams.TICKETS, EventStreams.CUSTOMERS);

    private final Options options;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final SupportWorld world;
    private final TicketLifecycles lifecycles = new TicketLifecycles();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();
    private String baseUrl;
    private KafkaProducer<String, String> producer;
    private Admin admin;

    private QuerySideBenchmark(Options options) {
        this.options = options;
        this.world = new SupportWorld(options.tenants, options.seed);
    }

    public static void main(String[] args) throws Exception {
        new QuerySideBenchmark(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        say("AutoCRM query-side benchmark: " + options);
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + Runtime.version());
        try (Infrastructure infrastructure = Infrastructure.start(InfrastructureSettings.ephemeral()).closeOnShutdown()) {
            String bootstrap = infrastructure.kafka().bootstrapServers();
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
            admin.createTopics(List.of(new NewTopic(EventStreams.TICKETS, 6, (short) 1),
                    new NewTopic(EventStreams.CUSTOMERS, 6, (short) 1))).all().get();
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                    ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer());
            try (ConfigurableApplicationContext service = startQueryService(infrastructure)) {
                baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
                bulkLoad();
                refresh(infrastructure.elasticsearch().url());
                measureQueries("idle", null);
                mixedLoad();
                holdForInspection(infrastructure);
            } finally {
                producer.close();
                admin.close();
            }
        }
        System.out.println();
        System.out.println("==== results ====");
        report.forEach(System.out::println);
    }

    private ConfigurableApplicationContext startQueryService(Infrastructure infrastructure) {
        return new SpringApplicationBuilder(QueryServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                "--spring.elasticsearch.uris=" + infrastructure.elasticsearch().url(),
                "--autocrm.identity.accept-dev-headers=true",
                "--logging.level.root=WARN",
                "--logging.level.org.autocrm=INFO");
    }

    // ---- phase 1: the bulk load -------------------------------------------------------------

    private void bulkLoad() throws Exception {
        SplittableRandom random = new SplittableRandom(options.seed);
        Instant start = Instant.now();
        long events = 0;
        long customerEvents = 0;
        for (SupportWorld.Tenant tenant : world.tenants) {
            for (EventEnvelope<PublishedEvent> customer : lifecycles.customers(tenant, random, start.minus(Duration.ofDays(400)))) {
                send(EventStreams.CUSTOMERS, customer);
                customerEvents++;
            }
        }
        long nanos = System.nanoTime();
        Instant oldest = Instant.now().minus(Duration.ofDays(180));
        long spread = Duration.ofDays(180).toSeconds();
        long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long i = 0; i < options.tickets; i++) {
            Instant openedAt = oldest.plusSeconds(spread * i / options.tickets);
            for (EventEnvelope<PublishedEvent> event : lifecycles.ticket(world.pickTenant(random), random, openedAt, true)) {
                send(EventStreams.TICKETS, event);
                events++;
            }
            if (System.nanoTime() > nextProgress) {
                nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                say(String.format("  produced %,d tickets (%,d events); projection behind by %,d events", i, events,
                        behind()));
            }
        }
        producer.flush();
        double produceSeconds = (System.nanoTime() - nanos) / 1e9;
        say(String.format("produced %,d tickets as %,d events in %.1f s", options.tickets, events, produceSeconds));
        Map<String, Double> caughtUp = awaitCaughtUp(nanos);
        report.add(String.format("bulk load: %,d tickets, %,d ticket events (%.1f events/ticket), %d tenants "
                + "(largest %s with %.0f%%)", options.tickets, events, (double) events / options.tickets,
                options.tenants, world.largest().id(), world.largest().share() * 100));
        for (String group : GROUPS) {
            double seconds = caughtUp.get(group);
            report.add(group.endsWith(".customers")
                    ? String.format("customer profiles, consumer group %-24s all %,d applied %.1f s after the first "
                            + "ticket event", group, customerEvents, seconds)
                    : String.format("indexing throughput, consumer group %-24s %,10.0f events/s (all %,d events "
                            + "applied after %.1f s)", group, events / seconds, events, seconds));
        }
    }

    private void send(String topic, EventEnvelope<PublishedEvent> event) throws Exception {
        producer.send(new ProducerRecord<>(topic, event.subject(), json.writeValueAsString(event)), (metadata, error) -> {
            if (error != null) {
                System.err.println("could not produce: " + error);
            }
        });
    }

    /** Seconds from {@code startNanos} until each consumer group of the ticket topic has applied everything. */
    private Map<String, Double> awaitCaughtUp(long startNanos) throws Exception {
        Map<String, Double> done = new HashMap<>();
        long nextProgress = 0;
        long leastBehind = Long.MAX_VALUE;
        long progressDeadline = System.nanoTime() + STALL_LIMIT.toNanos();
        while (true) {
            Map<String, Long> lag = lagPerGroup();
            long behind = lag.values().stream().mapToLong(Long::longValue).sum();
            if (behind < leastBehind) {
                leastBehind = behind;
                progressDeadline = System.nanoTime() + STALL_LIMIT.toNanos();
            } else if (System.nanoTime() > progressDeadline) {
                throw new IllegalStateException("the projections applied nothing for " + STALL_LIMIT.toMinutes()
                        + " minutes; still behind per consumer group: " + lag);
            }
            for (Map.Entry<String, Long> entry : lag.entrySet()) {
                if (entry.getValue() == 0 && !done.containsKey(entry.getKey())) {
                    done.put(entry.getKey(), (System.nanoTime() - startNanos) / 1e9);
                }
            }
            // every projection, also one that has not committed anything yet
            if (done.keySet().containsAll(GROUPS)) {
                return done;
            }
            if (System.nanoTime() > nextProgress) {
                nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                say("  waiting for the projections: events behind per consumer group " + lag);
            }
            Thread.sleep(200); // poll interval; the stall limit above bounds the wait
        }
    }

    private long behind() throws Exception {
        return lagPerGroup().values().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** Events on the ticket and customer topics not yet committed, per consumer group that reads them. */
    private Map<String, Long> lagPerGroup() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : TOPICS) {
            for (int partition = 0; partition < 6; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        Map<String, Long> lag = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            if (!GROUPS.contains(group.groupId()) || topics.isEmpty()) {
                continue;
            }
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (topics.contains(end.getKey().topic())) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    behind += end.getValue() - (offset == null ? 0 : offset.offset());
                }
            }
            lag.put(group.groupId(), behind);
        }
        return lag;
    }

    private void refresh(String elasticsearchUrl) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    // ---- phase 2: read latencies ------------------------------------------------------------

    /** The four reads of the issue, each with parameters that vary so no cache answers them all. */
    private enum Read {
        QUEUE, FILTERED_LIST, FULL_TEXT, METRICS
    }

    private void measureQueries(String condition, AtomicReference<Boolean> keepGoing) throws Exception {
        say("measuring reads (" + condition + ")");
        SplittableRandom random = new SplittableRandom(options.seed + condition.hashCode());
        Map<Read, Latencies> latencies = new HashMap<>();
        for (Read read : Read.values()) {
            latencies.put(read, new Latencies(read.name().toLowerCase().replace('_', ' ') + " (" + condition + ")"));
            // warm-up (JIT, Elasticsearch caches of field data) before the idle run only: during the mixed phase it
            // would use up the writing window before anything is measured
            for (int i = 0; keepGoing == null && i < Math.min(100, options.queries); i++) {
                timedRead(read, random);
            }
        }
        int errors = 0;
        // idle: a fixed number of rounds; mixed: as many rounds as fit while the writer runs
        for (int i = 0; keepGoing == null ? i < options.queries : keepGoing.get(); i++) {
            for (Read read : Read.values()) {
                long nanos = System.nanoTime();
                int status = timedRead(read, random);
                latencies.get(read).record(System.nanoTime() - nanos);
                if (status != 200) {
                    errors++;
                }
            }
        }
        for (Read read : Read.values()) {
            report.add(latencies.get(read).line());
        }
        if (errors > 0) {
            report.add("  " + errors + " reads did not answer 200");
        }
    }

    private int timedRead(Read read, SplittableRandom random) throws Exception {
        SupportWorld.Tenant tenant = random.nextInt(100) < 70 ? world.largest() : SupportWorld.pick(random, world.tenants);
        String agent = tenant.agent(random);
        String path;
        Map<String, String> caller;
        switch (read) {
            case QUEUE:
                path = "/api/tickets/queue";
                caller = agent(tenant, agent);
                break;
            case FILTERED_LIST:
                path = "/api/tickets?status=" + SupportWorld.pick(random, List.of("NEW", "OPEN", "RESOLVED"))
                        + "&priority=" + SupportWorld.pick(random, SupportWorld.PRIORITIES)
                        + (random.nextBoolean() ? "&channel=" + SupportWorld.pick(random, SupportWorld.CHANNELS) : "")
                        + "&sort=" + SupportWorld.pick(random, List.of("updated", "created", "priority")) + "&size=25";
                caller = agent(tenant, agent);
                break;
            case FULL_TEXT:
                path = "/api/tickets?q=" + URLEncoder.encode(SupportWorld.pick(random, SupportWorld.PRODUCTS) + " "
                        + SupportWorld.pick(random, List.of("slow", "error", "wrong", "missing", "duplicates", "sign")),
                        StandardCharsets.UTF_8) + "&size=25";
                caller = agent(tenant, agent);
                break;
            default:
                LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(60));
                path = "/api/metrics/tickets?from=" + to.minusDays(30) + "&to=" + to + "&groupBy="
                        + SupportWorld.pick(random, List.of("day", "priority", "channel", "agent"));
                caller = Map.of("X-AutoCRM-Tenant", tenant.id(), "X-AutoCRM-User", "bench-admin",
                        "X-AutoCRM-Role", "admin");
        }
        return get(path, caller);
    }

    private static Map<String, String> agent(SupportWorld.Tenant tenant, String agent) {
        return Map.of("X-AutoCRM-Tenant", tenant.id(), "X-AutoCRM-User", agent, "X-AutoCRM-Role", "agent",
                "X-AutoCRM-Groups", tenant.groupOf(agent));
    }

    private int get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---- phase 3: lag and reads while tickets keep coming -----------------------------------

    /**
     * {@code rate} new tickets per second, each followed later by the rest of its life (one
     * follow-up event per new ticket per second); every tenth new ticket is a probe whose time
     * from publication to being readable through the API is the projection lag a user sees.
     */
    private void mixedLoad() throws Exception {
        Latencies lag = new Latencies("projection lag (publish -> readable)");
        AtomicReference<Boolean> writing = new AtomicReference<>(true);
        AtomicLong maxBehind = new AtomicLong();
        Probes probes = new Probes(lag);
        Thread writer = new Thread(() -> {
            try {
                write(probes, lag, maxBehind);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                writing.set(false);
            }
        }, "benchmark-writer");
        writer.start();
        measureQueries("while writing " + options.rate + " tickets/s", writing);
        writer.join();
        probes.finish();
        report.add(lag.line());
        report.add(String.format("most events behind during the mixed phase: %,d", maxBehind.get()));
    }

    private void write(Probes probes, Latencies lag, AtomicLong maxBehind) throws Exception {
        SplittableRandom random = new SplittableRandom(options.seed * 31);
        Queue<EventEnvelope<PublishedEvent>> followUps = new ArrayDeque<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.mixedSeconds);
        long tick = System.nanoTime();
        long created = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < options.rate; i++) {
                List<EventEnvelope<PublishedEvent>> life =
                        lifecycles.ticket(world.pickTenant(random), random, Instant.now(), true);
                EventEnvelope<PublishedEvent> creation = life.get(0);
                long sentAt = System.nanoTime();
                send(EventStreams.TICKETS, creation);
                followUps.addAll(life.subList(1, life.size()));
                if (created++ % 10 == 0) {
                    probes.add(creation, sentAt);
                }
                if (!followUps.isEmpty()) {
                    send(EventStreams.TICKETS, followUps.poll());
                }
                // spread the second's tickets evenly instead of bursting them
                long due = tick + TimeUnit.SECONDS.toNanos(1) * (i + 1) / options.rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            tick += TimeUnit.SECONDS.toNanos(1);
            maxBehind.accumulateAndGet(behind(), Math::max);
        }
        producer.flush();
    }

    /**
     * Watches the probe tickets until each is readable through the API. A few threads take whichever probe is due
     * next, each probe every 20 ms (one thread blocked per probe would queue the probes behind each other and measure
     * that queue instead; asking without pause would load the machine being measured).
     */
    private final class Probes {

        /** How often a probe asks again: the lag's resolution, and few enough requests not to load the machine. */
        private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

        private record Probe(EventEnvelope<PublishedEvent> creation, long sentAt, long dueAt)
                implements java.util.concurrent.Delayed {

            @Override
            public long getDelay(TimeUnit unit) {
                return unit.convert(dueAt - System.nanoTime(), TimeUnit.NANOSECONDS);
            }

            @Override
            public int compareTo(java.util.concurrent.Delayed other) {
                return Long.compare(dueAt, ((Probe) other).dueAt);
            }
        }

        private final java.util.concurrent.DelayQueue<Probe> pending = new java.util.concurrent.DelayQueue<>();
        private final Latencies lag;
        private final List<Thread> pollers = new ArrayList<>();
        private volatile boolean adding = true;

        Probes(Latencies lag) {
            this.lag = lag;
            for (int i = 0; i < 4; i++) {
                Thread poller = new Thread(this::poll, "benchmark-probe-" + i);
                poller.start();
                pollers.add(poller);
            }
        }

        void add(EventEnvelope<PublishedEvent> creation, long sentAt) {
            pending.add(new Probe(creation, sentAt, sentAt + RETRY_NANOS));
        }

        void finish() throws InterruptedException {
            adding = false;
            for (Thread poller : pollers) {
                poller.join(TimeUnit.SECONDS.toMillis(70));
            }
        }

        /** Each probe is read every 20 ms from its publication until it answers 200 (or 60 s pass). */
        private void poll() {
            try {
                while (adding || !pending.isEmpty()) {
                    Probe probe = pending.poll(50, TimeUnit.MILLISECONDS);
                    if (probe == null) {
                        continue;
                    }
                    Map<String, String> admin = Map.of("X-AutoCRM-Tenant", probe.creation().tenantId(),
                            "X-AutoCRM-User", "bench-admin", "X-AutoCRM-Role", "admin");
                    long deadline = probe.sentAt() + TimeUnit.SECONDS.toNanos(60);
                    if (get("/api/tickets/" + probe.creation().subject(), admin) == 200) {
                        lag.recordShared(System.nanoTime() - probe.sentAt());
                    } else if (System.nanoTime() > deadline) {
                        lag.recordShared(deadline - probe.sentAt());
                    } else {
                        pending.add(new Probe(probe.creation(), probe.sentAt(), System.nanoTime() + RETRY_NANOS));
                    }
                }
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** With BENCHMARK_HOLD_SECONDS set, keeps everything running that long to look inside (not timed). */
    private void holdForInspection(Infrastructure infrastructure) throws InterruptedException {
        String hold = System.getenv("BENCHMARK_HOLD_SECONDS");
        if (hold != null) {
            say("holding for " + hold + " s: query-service " + baseUrl + ", Elasticsearch "
                    + infrastructure.elasticsearch().url());
            Thread.sleep(Long.parseLong(hold) * 1000);
        }
    }

    private void say(String line) {
        System.out.println(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + line);
    }

    /** Command-line options with the figures as defaults. */
    private record Options(long tickets, int tenants, int rate, int mixedSeconds, int queries, long seed) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("options look like --tickets=1000000, not " + arg);
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            Options options = new Options(Long.parseLong(values.getOrDefault("tickets", "1000000")),
                    Integer.parseInt(values.getOrDefault("tenants", "10")),
                    Integer.parseInt(values.getOrDefault("rate", "200")),
                    Integer.parseInt(values.getOrDefault("mixed-seconds", "60")),
                    Integer.parseInt(values.getOrDefault("queries", "500")),
                    Long.parseLong(values.getOrDefault("seed", "42")));
            values.keySet().removeAll(List.of("tickets", "tenants", "rate", "mixed-seconds", "queries", "seed"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + values.keySet());
            }
            return options;
        }
    }
}
