package org.autocrm.routing.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.autocrm.events.Actor;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.PublishedEvent;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketStatus;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.routing.RoutingServiceApplication;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * routing-service's load driver (see the routing-service README, "Benchmark"): a real routing-service application
 * context on the embedded Kafka broker and MongoDB stand-in, fed the contract's envelopes on
 * {@code autocrm.tickets.v1}, set up through its own API. ticket-service is out of scope: the {@link TicketCommands}
 * port is played by {@link TimedTicketService}, which only timestamps each command. Prints two figures:
 * <ol>
 *   <li>creation → assignment: TicketCreated then TicketAssigned(group) at a target rate into a round-robin group
 *   (with a rule assign_group on creation); creation event time → AssignToAgent command time;</li>
 *   <li>SLA: open tickets whose first-response clocks run out during the run; breach event time − due time (from the
 *   {@code autocrm.sla.v1} events and the service's {@code autocrm.sla.breach.delay} timer), and heap after GC.</li>
 * </ol>
 * Options: {@code --rate=200 --seconds=30 --agents=10 --warmup-tickets=500 --sla-tickets=100000 --sla-rate=1000
 * --sla-minutes=2}.
 */
public final class RoutingBenchmark {

    private static final Actor CUSTOMER = new Actor("cust-1", "customer");
    private static final Actor AUTOMATION = new Actor("routing-service", "automation");
    private static final String GROUP = "tier-1";
    /** A figure whose events stop arriving for this long is reported as it stands instead of waiting forever. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private final Options options;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TimedTicketService ticketService = new TimedTicketService();
    private final List<String> report = new ArrayList<>();
    private KafkaProducer<String, String> producer;
    private String baseUrl;

    private RoutingBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new RoutingBenchmark(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        say("AutoCRM routing-service benchmark: " + options);
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + Runtime.version()
                + "; MongoDB stand-in, routing-service and this driver share one JVM; Kafka is a child process");
        report.add("ticket-service is not part of these figures: its port (TicketCommands) is an in-memory stand-in "
                + "that timestamps each command; the HTTP round trip to ticket-service comes on top");
        Infrastructure infrastructure = Infrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        topics(bootstrap);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
        try (ConfigurableApplicationContext service = startRoutingService(infrastructure)) {
            baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
            creationToAssignment();
            if (options.slaTickets > 0) {
                sla(bootstrap, service);
            }
        } finally {
            producer.close();
        }
        System.out.println();
        System.out.println("==== results ====");
        report.forEach(System.out::println);
    }

    /** The topics are ticket-service's: routing-service never creates them, so the driver does. */
    private static void topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : List.of(EventStreams.TICKETS, EventStreams.CUSTOMERS,
                    EventStreams.TICKET_CONFIGURATION)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private ConfigurableApplicationContext startRoutingService(Infrastructure infrastructure) {
        return new SpringApplicationBuilder(RoutingServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("timedTicketService",
                        TicketCommands.class, () -> ticketService, definition -> definition.setPrimary(true)))
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                        "--spring.data.mongodb.uri=" + infrastructure.mongo().connectionString()
                                + "/routing_benchmark_" + System.currentTimeMillis(),
                        "--" + TestCallers.KEY_SET_PROPERTY + "=" + TestCallers.keySet(),
                        "--logging.level.root=WARN",
                        "--logging.level.org.autocrm=WARN");
    }

    // ---- figure 1: creation → assignment --------------------------------------------------------

    /** An unmeasured round first (its own tenant), so the figure is not the JIT compiler's warm-up. */
    private void warmUp() throws Exception {
        if (options.warmupTickets > 0) {
            TestCallers tenant = TestCallers.inNewTenant();
            String reason = routingSetUp(tenant);
            say(String.format("warm-up: %,d tickets, not measured", options.warmupTickets));
            Map<String, Instant> createdAt = new ConcurrentHashMap<>();
            ticketService.watch(tenant.tenant(), createdAt);
            publishTickets(tenant, reason, options.warmupTickets, Math.min(options.rate, 50), createdAt);
            awaitCount(() -> ticketService.assignments.count(), options.warmupTickets, "warm-up assigned");
            ticketService.reset();
        }
    }

    private void creationToAssignment() throws Exception {
        warmUp();
        TestCallers tenant = TestCallers.inNewTenant();
        String reason = routingSetUp(tenant);
        long tickets = (long) options.rate * options.seconds;
        say(String.format("creation → assignment: %,d tickets at %d/s into round-robin group %s of %d agents",
                tickets, options.rate, GROUP, options.agents));
        Map<String, Instant> createdAt = new ConcurrentHashMap<>();
        ticketService.watch(tenant.tenant(), createdAt);
        long startNanos = System.nanoTime();
        publishTickets(tenant, reason, tickets, options.rate, createdAt);
        double publishSeconds = (System.nanoTime() - startNanos) / 1e9;
        awaitCount(() -> ticketService.assignments.count(), tickets, "assigned");
        Delays delays = ticketService.assignments;
        double seconds = Duration.between(ticketService.firstCreated(createdAt), ticketService.lastAssignment())
                .toNanos() / 1e9;
        report.add(String.format("creation → assignment: %,d tickets offered at %d/s for %d s (published in %.1f s, "
                        + "after %,d unmeasured warm-up tickets); %,d assigned to an agent, %,d AssignToGroup commands "
                        + "from the rule", tickets, options.rate, options.seconds, publishSeconds,
                options.warmupTickets, delays.count(), ticketService.groupCommands.get()));
        report.add("  creation event time → AssignToAgent command: " + delays.summary());
        report.add(String.format("  throughput achieved: %.1f tickets/s assigned (first creation to last assignment "
                + "%.1f s)", delays.count() / seconds, seconds));
        boolean met = delays.count() == tickets && delays.percentile(99) < 1000;
        report.add("  target p99 < 1 s: " + (met ? "MET" : "NOT MET"));
    }

    /** A round-robin group of available agents and a rule sending new email tickets to it; the rule's reason. */
    private String routingSetUp(TestCallers tenant) throws Exception {
        put("/api/routing/groups/" + GROUP + "/assignment", "{\"strategy\":\"round_robin\"}", tenant.admin());
        for (int i = 1; i <= options.agents; i++) {
            put("/api/routing/agents/agent-" + i, "{\"status\":\"available\",\"groups\":[\"" + GROUP + "\"]}",
                    tenant.admin());
        }
        JsonNode rule = post("/api/routing/rules", """
                {"name":"New tickets to tier 1","position":1,"active":true,"triggers":["created"],"match":"all",
                 "conditions":[{"field":"channel","operator":"is","value":"email"}],
                 "actions":[{"type":"assign_group","value":"%s"}]}""".formatted(GROUP), tenant.admin());
        return "rule:" + rule.path("id").asText();
    }

    private void publishTickets(TestCallers tenant, String reason, long tickets, int rate,
            Map<String, Instant> createdAt) throws InterruptedException {
        long startNanos = System.nanoTime();
        for (long i = 0; i < tickets; i++) {
            pace(startNanos, i, rate);
            String ticket = UUID.randomUUID().toString();
            Instant now = Instant.now();
            createdAt.put(ticket, now);
            // what ticket-service publishes for a new ticket, then for the rule's AssignToGroup
            publish(ticket, envelope(0, new TicketCreated(ticket, tenant.tenant(), i + 1, "Printer",
                    "It does not print", "cust-1", "normal", TicketStatus.NEW, "email", "en", null, List.of(),
                    Map.of(), null, CUSTOMER, now), null));
            publish(ticket, envelope(1, new TicketAssigned(ticket, tenant.tenant(), null, GROUP, null, null,
                    AUTOMATION, now), reason));
        }
        producer.flush();
    }

    // ---- figure 2: SLA breach detection ------------------------------------------------------------

    private void sla(String bootstrap, ConfigurableApplicationContext service) throws Exception {
        TestCallers tenant = TestCallers.inNewTenant();
        post("/api/sla/policies", """
                {"name":"Benchmark","position":1,"active":true,"match":"all","conditions":[],
                 "targets":{"HIGH":{"first_response":{"minutes":%d,"basis":"calendar"}}}}"""
                .formatted(options.slaMinutes), tenant.admin());
        long heapBefore = heapAfterGc();
        SlaEvents events = new SlaEvents(bootstrap, tenant.tenant());
        Thread reader = new Thread(events, "sla-events");
        reader.start();
        int total = options.slaTickets;
        say(String.format("SLA: %,d open tickets at %d/s, first response due %d min after each is opened", total,
                options.slaRate, options.slaMinutes));
        long startNanos = System.nanoTime();
        Instant firstOpened = Instant.now();
        for (long i = 0; i < total; i++) {
            pace(startNanos, i, options.slaRate);
            String ticket = UUID.randomUUID().toString();
            publish(ticket, envelope(0, new TicketCreated(ticket, tenant.tenant(), i + 1, "Cannot log in",
                    "Since Monday", "cust-1", "HIGH", TicketStatus.OPEN, "email", "en", null, List.of(), Map.of(),
                    null, CUSTOMER, Instant.now()), null));
            if (i > 0 && i % 10_000 == 0) {
                say(String.format("  published %,d; clocks started %,d; breaches %,d", i, events.started.get(),
                        events.breaches.count()));
            }
        }
        producer.flush();
        Instant lastOpened = Instant.now();
        say(String.format("published %,d tickets in %.1f s; due times span %s .. %s", total,
                (System.nanoTime() - startNanos) / 1e9, firstOpened.plusSeconds(60L * options.slaMinutes),
                lastOpened.plusSeconds(60L * options.slaMinutes)));
        awaitCount(() -> events.started.get(), total, "clocks started");
        long heapWithClocks = heapAfterGc();
        awaitCount(() -> events.breaches.count(), total, "breaches fired");
        events.stop();
        reader.join(10_000);

        report.add(String.format("SLA: %,d open HIGH tickets, first response due %d min (calendar) after opening; "
                        + "opened at %d/s, so due times spread over %.0f s", total, options.slaMinutes,
                options.slaRate, Duration.between(firstOpened, lastOpened).toMillis() / 1000.0));
        report.add(String.format("  clocks started %,d; breaches seen on autocrm.sla.v1 %,d; clocks started only after "
                + "their due time (consumer behind) %,d", events.started.get(), events.breaches.count(),
                events.startedLate.get()));
        report.add("  breach event time − due time (autocrm.sla.v1): " + events.breaches.summary());
        Timer timer = service.getBean(MeterRegistry.class).find("autocrm.sla.breach.delay").timer();
        if (timer != null) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            StringBuilder line = new StringBuilder(String.format("  timer autocrm.sla.breach.delay: n=%,d",
                    snapshot.count()));
            for (ValueAtPercentile value : snapshot.percentileValues()) {
                line.append(String.format(" p%.0f=%,.0f ms", value.percentile() * 100,
                        value.value(TimeUnit.MILLISECONDS)));
            }
            line.append(String.format(" max=%,.0f ms (max over the registry's recent window)",
                    snapshot.max(TimeUnit.MILLISECONDS)));
            report.add(line.toString());
        }
        report.add(String.format("  target: a breach fires within 5 s of its due time (p99): %s",
                events.breaches.count() == total && events.breaches.percentile(99) <= 5000 ? "MET" : "NOT MET"));
        long heapAfter = heapAfterGc();
        report.add(String.format("  heap used after GC (the JVM of routing-service, the MongoDB stand-in holding every "
                        + "document and the driver; the Kafka broker is a child process): before the tickets %,d MiB, "
                        + "with %,d running clocks %,d MiB, after the breaches %,d MiB", heapBefore >> 20, total,
                heapWithClocks >> 20, heapAfter >> 20));
    }

    /** Reads the SLA topic: when each clock started (record time of its first event) and each breach's delay. */
    private final class SlaEvents implements Runnable {
        private final KafkaConsumer<String, String> consumer;
        private final String tenantId;
        private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
        private final AtomicLong started = new AtomicLong();
        private final AtomicLong startedLate = new AtomicLong();
        private final Delays breaches = new Delays();
        private final AtomicBoolean running = new AtomicBoolean(true);

        SlaEvents(String bootstrap, String tenantId) {
            this.tenantId = tenantId;
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "routing-benchmark-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer());
            consumer.subscribe(List.of(EventStreams.SLA));
        }

        @Override
        public void run() {
            try {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        take(record);
                    }
                }
            } finally {
                consumer.close();
            }
        }

        private void take(ConsumerRecord<String, String> record) {
            try {
                JsonNode event = json.readTree(record.value());
                if (!tenantId.equals(event.path("tenantId").asText())) {
                    return;
                }
                String type = event.path("type").asText();
                String ticket = event.path("subject").asText();
                if (type.endsWith("clock_changed.v1") && startedAt.putIfAbsent(ticket, record.timestamp()) == null) {
                    started.incrementAndGet();
                } else if (type.endsWith("breached.v1")) {
                    Instant due = Instant.parse(event.at("/data/dueAt").asText());
                    Instant at = Instant.parse(event.at("/data/at").asText());
                    breaches.record(Duration.between(due, at).toMillis());
                    Long start = startedAt.get(ticket);
                    if (start != null && start > due.toEpochMilli()) {
                        startedLate.incrementAndGet();
                    }
                }
            } catch (java.io.IOException e) {
                System.err.println("unreadable SLA event: " + e);
            }
        }

        void stop() {
            running.set(false);
        }
    }

    // ---- ticket-service, played in memory --------------------------------------------------------

    /** Applies nothing: timestamps each AssignToAgent against the ticket's creation time, counts the rest. */
    static final class TimedTicketService implements TicketCommands {
        private volatile Delays assignments = new Delays();
        private final AtomicLong groupCommands = new AtomicLong();
        private final Map<String, Boolean> keys = new ConcurrentHashMap<>();
        private volatile String tenantId;
        private volatile Map<String, Instant> createdAt = Map.of();
        private volatile Instant lastAssignment;

        void reset() {
            assignments = new Delays();
            groupCommands.set(0);
            lastAssignment = null;
        }

        void watch(String tenant, Map<String, Instant> created) {
            this.tenantId = tenant;
            this.createdAt = created;
        }

        @Override
        public CommandOutcome send(String tenant, String ticketId, TicketCommand command, String reason,
                String idempotencyKey) {
            Instant now = Instant.now();
            // ticket-service applies a key once and replays its answer; so does this stand-in
            if (keys.putIfAbsent(tenant + "|" + idempotencyKey, Boolean.TRUE) != null) {
                return new CommandOutcome(CommandOutcome.Kind.REPLAYED, 200, null);
            }
            if (tenant.equals(tenantId)) {
                if (command instanceof TicketCommand.AssignToAgent) {
                    Instant created = createdAt.get(ticketId);
                    if (created != null) {
                        assignments.record(Duration.between(created, now).toMillis());
                        lastAssignment = now;
                    }
                } else if (command instanceof TicketCommand.AssignToGroup) {
                    groupCommands.incrementAndGet();
                }
            }
            return new CommandOutcome(CommandOutcome.Kind.APPLIED, 200, null);
        }

        Instant firstCreated(Map<String, Instant> created) {
            return created.values().stream().min(Instant::compareTo).orElseThrow();
        }

        Instant lastAssignment() {
            return lastAssignment == null ? Instant.now() : lastAssignment;
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    /** Waits until {@code count} reaches {@code target}, or until it has not moved for {@link #STALL_LIMIT}. */
    private void awaitCount(java.util.function.LongSupplier count, long target, String what)
            throws InterruptedException {
        long last = -1;
        long stalledSince = System.nanoTime();
        long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long now = count.getAsLong();
            if (now >= target) {
                return;
            }
            if (now != last) {
                last = now;
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > STALL_LIMIT.toNanos()) {
                say(String.format("  %s stopped at %,d of %,d (nothing for %d s); reporting as it stands", what, now,
                        target, STALL_LIMIT.toSeconds()));
                return;
            }
            if (System.nanoTime() > nextProgress) {
                nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                say(String.format("  %s: %,d of %,d", what, now, target));
            }
            Thread.sleep(100);
        }
    }

    /** Sleeps until the {@code i}th item of a steady {@code perSecond} rate is due. */
    private static void pace(long startNanos, long i, int perSecond) throws InterruptedException {
        long dueNanos = startNanos + i * 1_000_000_000L / perSecond;
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The envelope ticket-service publishes; {@code reason} as the automation's {@code by.reason}. */
    private String envelope(long sequence, PublishedEvent payload, String reason) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", EventTypes.typeOf(payload.getClass()));
        envelope.put("source", EventStreams.TICKET_SERVICE_SOURCE);
        envelope.put("time", payload.at().toString());
        envelope.put("subject", payload.aggregateId());
        envelope.put("tenantId", payload.tenantId());
        envelope.put("sequence", sequence);
        envelope.put("datacontenttype", "application/json");
        ObjectNode data = json.valueToTree(payload);
        if (reason != null) {
            ((ObjectNode) data.path("by")).put("reason", reason);
        }
        envelope.set("data", data);
        return envelope.toString();
    }

    private void publish(String ticket, String envelope) {
        producer.send(new ProducerRecord<>(EventStreams.TICKETS, ticket, envelope), (metadata, error) -> {
            if (error != null) {
                System.err.println("could not publish: " + error);
            }
        });
    }

    private JsonNode put(String path, String body, SignedCaller caller) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)), caller);
    }

    private JsonNode post(String path, String body, SignedCaller caller) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)), caller);
    }

    private JsonNode call(HttpRequest.Builder request, SignedCaller caller) throws Exception {
        HttpResponse<String> response = http.send(request.header("Content-Type", "application/json")
                .header("Authorization", caller.headers().getFirst("Authorization")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("set-up refused: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    private static void say(String line) {
        System.out.println(Instant.now() + " " + line);
    }

    record Options(int rate, int seconds, int agents, int warmupTickets, int slaTickets, int slaRate,
            int slaMinutes) {
        static Options parse(String[] args) {
            Map<String, String> given = new java.util.HashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("expected --name=value, not " + arg);
                }
                given.put(pair[0], pair[1]);
            }
            Options options = new Options(number(given, "rate", 200), number(given, "seconds", 30),
                    number(given, "agents", 10), number(given, "warmup-tickets", 500),
                    number(given, "sla-tickets", 100_000),
                    number(given, "sla-rate", 1000), number(given, "sla-minutes", 2));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet());
            }
            return options;
        }

        private static int number(Map<String, String> given, String name, int otherwise) {
            String value = given.remove(name);
            return value == null ? otherwise : Integer.parseInt(value);
        }
    }
}
