package org.autocrm.routing.sla.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.autocrm.events.Actor;
import org.autocrm.events.EventTypes;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketEvent;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.routing.rules.TicketFacts;
import org.autocrm.routing.sla.settings.ChoosingPolicies;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.routing.tickets.TicketSnapshot;
import org.autocrm.routing.tickets.TicketStreamEvent;
import org.autocrm.servicetesting.AcceptsTestTokens;
import org.autocrm.servicetesting.Piece;
import org.autocrm.servicetesting.RunningInfrastructure;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A ticket's SLA clock as the ticket stream drives it (the SLA reaction called with contract events, as the stream
 * listener calls it), the timers that fire its warnings and breaches, and what they send: SLA events on real Kafka
 * (checked against the contract's schemas) and breach actions to ticket-service (a recording stand-in). The
 * scheduled poller is off: each test starts the "replicas" it needs (the same code, each with its own lease owner),
 * so it can race two of them or have none running while a due time passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "autocrm.sla.timers.enabled=false")
@RunningInfrastructure(value = {Piece.KAFKA, Piece.MONGO}, database = "routing_sla_clocks")
@AcceptsTestTokens
class SlaClocksIT {

    private static final Actor MARIA = new Actor("maria", "agent");
    private static final Actor SARAH = new Actor("sarah", "customer");

    @TestConfiguration
    static class TicketServiceStandIn {
        @Bean
        @Primary
        RecordingTicketCommands recordingTicketCommands() {
            return new RecordingTicketCommands();
        }
    }

    @Autowired
    TrackingSlaClocks reaction;
    @Autowired
    SlaClockStore clocks;
    @Autowired
    ChoosingPolicies policies;
    @Autowired
    SlaTimeline timeline;
    @Autowired
    SlaEventSink kafka;
    @Autowired
    RecordingTicketCommands ticketService;
    @Autowired
    ApplicationContext context;
    @Autowired
    Clock clock;
    @Autowired
    TestRestTemplate http;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final TestCallers callers = TestCallers.inNewTenant();
    private final List<Replica> replicas = new ArrayList<>();
    private SlaTopic topic;

    @BeforeEach
    void readTopic() {
        topic = new SlaTopic(bootstrapServers);
    }

    @AfterEach
    void stop() {
        replicas.forEach(Replica::stop);
        topic.close();
    }

    @Test
    void aPolicyAppliesOnCreationAndTheClockPausesResumesAndIsFulfilled() {
        String policyId = policy("""
                "conditions": [{"field": "customer.tier", "operator": "is", "value": "gold"}],
                "targets": {"HIGH": {"first_response": {"minutes": 60, "basis": "calendar"},
                                     "resolution": {"minutes": 240, "basis": "calendar"}}}""");
        Instant opened = now();
        Ticket ticket = new Ticket("HIGH", "gold");
        ticket.created(opened);

        JsonNode sla = ticketSla(ticket.id, callers.agent());
        assertThat(sla.path("policyId").asText()).isEqualTo(policyId);
        assertThat(sla.path("policyName").asText()).isEqualTo("Gold");
        assertThat(target(sla, "first_response").path("status").asText()).isEqualTo("active");
        assertThat(Instant.parse(target(sla, "first_response").path("dueAt").asText())).isEqualTo(opened.plus(60, ChronoUnit.MINUTES));
        assertThat(target(sla, "first_response").path("minutesLeft").asLong()).isBetween(58L, 60L);
        assertThat(target(sla, "resolution").path("minutesLeft").asLong()).isBetween(238L, 240L);

        ticket.status(TicketStatus.PENDING, opened.plusSeconds(1));
        sla = ticketSla(ticket.id, callers.agent());
        assertThat(target(sla, "first_response").path("status").asText()).isEqualTo("paused");
        assertThat(target(sla, "first_response").path("dueAt").isNull()).isTrue();

        ticket.message(SARAH, "public", opened.plusSeconds(2));
        assertThat(target(ticketSla(ticket.id, callers.agent()), "first_response").path("status").asText()).isEqualTo("active");

        TicketStreamEvent reply = ticket.message(MARIA, "public", opened.plusSeconds(3));
        sla = ticketSla(ticket.id, callers.apiKey("routing:read"));
        assertThat(target(sla, "first_response").path("status").asText()).isEqualTo("fulfilled");
        assertThat(target(sla, "resolution").path("status").asText()).isEqualTo("active");

        reaction.react(reply, ticket.before, ticket.before); // delivered again: taken in already
        ticket.status(TicketStatus.RESOLVED, opened.plusSeconds(4));
        assertThat(target(ticketSla(ticket.id, callers.agent()), "resolution").path("status").asText()).isEqualTo("fulfilled");

        List<JsonNode> events = topic.await(ticket.id, SlaTopic.type("autocrm.sla.clock_changed.v1"), 5, Duration.ofSeconds(20));
        assertThat(events.stream().map(e -> e.path("sequence").asLong())).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(events.stream().map(e -> e.at("/data/targets/0/status").asText()))
                .containsExactly("active", "paused", "active", "fulfilled", "fulfilled");
        events.forEach(event -> assertThat(SlaTopic.violations(event)).as("%s", event).isEmpty());
        assertThat(events.get(0).path("source").asText()).isEqualTo("/autocrm/routing-service");
        assertThat(events.get(0).at("/data/policyId").asText()).isEqualTo(policyId);
    }

    @Test
    void aPriorityChangeRecomputesTheDueTimesAsIfItHadAppliedFromTheStart() {
        policy("""
                "targets": {"LOW": {"first_response": {"minutes": 120, "basis": "calendar"}},
                            "HIGH": {"first_response": {"minutes": 30, "basis": "calendar"}}}""");
        Instant opened = now();
        Ticket ticket = new Ticket("LOW", null);
        ticket.created(opened);
        assertThat(dueAt(ticketSla(ticket.id, callers.agent()), "first_response")).isEqualTo(opened.plus(120, ChronoUnit.MINUTES));

        ticket.priority("HIGH", opened.plusSeconds(5));

        assertThat(dueAt(ticketSla(ticket.id, callers.agent()), "first_response")).isEqualTo(opened.plus(30, ChronoUnit.MINUTES));
    }

    @Test
    void aBreachFiresOnceWithTwoReplicasRacingAndItsActionsReachTicketServiceOnce() {
        String policyId = policy("""
                "targets": {"HIGH": {"first_response": {"minutes": 2, "basis": "calendar"}}},
                "warningLeadMinutes": 1,
                "breachActions": [{"type": "escalate", "groupId": "tier-2"}, {"type": "raise_priority", "priority": "URGENT"},
                                  {"type": "notify_team_lead", "userId": "lena"}]""");
        Instant due = now().plusSeconds(4);
        Ticket ticket = new Ticket("HIGH", null);
        ticket.created(due.minus(2, ChronoUnit.MINUTES));
        start(new Replica(timers(kafka)));
        start(new Replica(timers(kafka)));

        JsonNode breach = topic.await(ticket.id, SlaTopic.type("autocrm.sla.breached.v1"), 1, Duration.ofSeconds(20)).get(0);

        long delayMillis = Duration.between(due, Instant.parse(breach.at("/data/at").asText())).toMillis();
        System.out.println("SLA breach delay (due time to breach event): " + delayMillis + " ms");
        assertThat(delayMillis).as("breach fired within 5 s of its due time").isBetween(0L, 5000L);
        assertThat(context.getBean(MeterRegistry.class).get("autocrm.sla.breach.delay").timer().count())
                .as("the delay is measured for the benchmark").isPositive();
        assertThat(Instant.parse(breach.at("/data/dueAt").asText())).isEqualTo(due);
        assertThat(breach.at("/data/policyId").asText()).isEqualTo(policyId);
        assertThat(breach.at("/data/metric").asText()).isEqualTo("first_response");

        List<JsonNode> events = topic.of(ticket.id, Duration.ofSeconds(3));
        assertThat(eventIds(events, "autocrm.sla.breached.v1")).as("one breach, however many replicas").hasSize(1);
        assertThat(eventIds(events, "autocrm.sla.warning_reached.v1")).as("one warning").hasSize(1);
        assertThat(events.stream().map(e -> e.path("sequence").asLong()).distinct().sorted().toList())
                .as("the ticket's SLA events are numbered without gaps")
                .isEqualTo(java.util.stream.LongStream.range(0, events.stream().map(e -> e.path("id").asText()).distinct().count()).boxed().toList());
        events.forEach(event -> assertThat(SlaTopic.violations(event)).as("%s", event).isEmpty());

        List<RecordingTicketCommands.Sent> sent = ticketService.to(ticket.id);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).command()).isEqualTo(new TicketCommand.Escalate("tier-2", "URGENT",
                "SLA first_response breached (due " + due + ", policy Gold)"));
        assertThat(sent.get(0).reason()).isEqualTo("sla_breach:" + policyId);
        assertThat(sent.get(0).idempotencyKey()).isEqualTo(ticket.id + ":first_response:" + due + ":breach");
        assertThat(clocks.find(callers.tenant(), ticket.id).orElseThrow().notices())
                .extracting(SlaClockRecord.TeamLeadNotice::userId).containsExactly("lena");
        assertThat(target(ticketSla(ticket.id, callers.agent()), "first_response").path("status").asText()).isEqualTo("breached");
    }

    @Test
    void aBreachDueWhileNoReplicaRanIsFiredByTheNextOneAndAnEventKafkaMissedIsSentLaterUnchanged() {
        policy("""
                "targets": {"HIGH": {"first_response": {"minutes": 1, "basis": "calendar"}}},
                "breachActions": [{"type": "escalate", "groupId": "tier-2"}]""");
        // due a few seconds on, so that the ticket surely has its clock before (a slow first request included)
        Instant due = now().plusSeconds(4);
        Ticket ticket = new Ticket("HIGH", null);
        ticket.created(due.minus(1, ChronoUnit.MINUTES));
        assertThat(clocks.find(callers.tenant(), ticket.id).orElseThrow().firedTimers()).isEmpty();

        await().atMost(Duration.ofSeconds(15)).until(() -> clock.instant().isAfter(due.plusSeconds(1)));
        assertThat(topic.of(ticket.id, Duration.ofSeconds(1))).noneMatch(SlaTopic.type("autocrm.sla.breached.v1")::test);

        FiringSlaTimers kafkaDown = timers((ticketId, event) -> {
            throw new IllegalStateException("Kafka unreachable");
        });
        kafkaDown.fireDue(100);
        assertThat(ticketService.to(ticket.id)).hasSize(1);
        assertThat(clocks.find(callers.tenant(), ticket.id).orElseThrow().outbox())
                .extracting(SlaClockRecord.OutboxEvent::type).contains("autocrm.sla.breached.v1");

        start(new Replica(timers(kafka)));
        List<JsonNode> breaches = topic.await(ticket.id, SlaTopic.type("autocrm.sla.breached.v1"), 1, Duration.ofSeconds(20));

        assertThat(breaches).hasSize(1);
        assertThat(Instant.parse(breaches.get(0).at("/data/dueAt").asText())).isEqualTo(due);
        assertThat(ticketService.to(ticket.id)).as("the breach action was not sent again").hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> clocks.find(callers.tenant(), ticket.id).orElseThrow().outbox().isEmpty());
    }

    @Test
    void aReplicaThatDiedHoldingAClockIsTakenOverWhenItsLeaseRunsOut() {
        policy("""
                "targets": {"HIGH": {"first_response": {"minutes": 1, "basis": "calendar"}}}""");
        Instant due = now().plusSeconds(3);
        Ticket ticket = new Ticket("HIGH", null);
        ticket.created(due.minus(1, ChronoUnit.MINUTES));
        assertThat(clocks.find(callers.tenant(), ticket.id).orElseThrow().firedTimers()).isEmpty();
        await().atMost(Duration.ofSeconds(15)).until(() -> clock.instant().isAfter(due));
        Instant died = clock.instant();
        assertThat(clocks.claim(callers.tenant(), ticket.id, died, died.plus(FiringSlaTimers.LEASE), "replica-that-dies"))
                .isPresent();

        start(new Replica(timers(kafka)));
        JsonNode breach = topic.await(ticket.id, SlaTopic.type("autocrm.sla.breached.v1"), 1, Duration.ofSeconds(20)).get(0);

        assertThat(Instant.parse(breach.at("/data/at").asText())).isAfterOrEqualTo(died.plus(FiringSlaTimers.LEASE));
    }

    @Test
    void switchingAPolicyOffClearsItsPendingBreaches() {
        String policyId = policy("""
                "targets": {"HIGH": {"first_response": {"minutes": 1, "basis": "calendar"}}},
                "breachActions": [{"type": "escalate", "groupId": "tier-2"}]""");
        Instant due = now().plusSeconds(4);
        Ticket ticket = new Ticket("HIGH", null);
        ticket.created(due.minus(1, ChronoUnit.MINUTES));

        ResponseEntity<JsonNode> off = send(HttpMethod.PUT, "/api/sla/policies/" + policyId, """
                {"name": "Gold", "position": 1, "active": false,
                 "targets": {"HIGH": {"first_response": {"minutes": 1, "basis": "calendar"}}},
                 "breachActions": [{"type": "escalate", "groupId": "tier-2"}]}""", callers.admin());
        assertThat(off.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ticketSla(ticket.id, callers.agent()).path("policyId").isNull());
        start(new Replica(timers(kafka)));

        await().atMost(Duration.ofSeconds(10)).until(() -> clock.instant().isAfter(due.plusSeconds(2)));
        List<JsonNode> events = topic.of(ticket.id, Duration.ofSeconds(1));
        assertThat(events).noneMatch(SlaTopic.type("autocrm.sla.breached.v1")::test);
        assertThat(events.get(events.size() - 1).at("/data/policyId").isNull()).isTrue();
        assertThat(ticketService.to(ticket.id)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------

    /** A ticket of the test's tenant, fed to the reaction event by event as the stream listener would. */
    private final class Ticket {
        final String id = UUID.randomUUID().toString();
        String priority;
        final String tier;
        TicketStatus status = TicketStatus.OPEN;
        Instant createdAt;
        long sequence = -1;
        TicketSnapshot before;

        Ticket(String priority, String tier) {
            this.priority = priority;
            this.tier = tier;
        }

        void created(Instant at) {
            createdAt = at;
            feed(new TicketCreated(id, callers.tenant(), 1, "Cannot log in", "Since Monday", "sarah", priority,
                    status, "email", "en", null, List.of(), java.util.Map.of(), null, SARAH, at));
        }

        void status(TicketStatus to, Instant at) {
            TicketStatus from = status;
            status = to;
            feed(new TicketStatusChanged(id, callers.tenant(), from, to, null, "manual", null, MARIA, at));
        }

        void priority(String to, Instant at) {
            String from = priority;
            priority = to;
            feed(new TicketPriorityChanged(id, callers.tenant(), from, to, MARIA, at));
        }

        TicketStreamEvent message(Actor by, String visibility, Instant at) {
            return feed(new TicketMessageAdded(id, callers.tenant(), UUID.randomUUID().toString(), "thread",
                    "external", visibility, "Hello", List.of(), List.of(), by, at));
        }

        private TicketStreamEvent feed(TicketEvent payload) {
            sequence++;
            TicketStreamEvent event = new TicketStreamEvent(UUID.randomUUID().toString(),
                    EventTypes.typeOf(payload.getClass()), payload.at(), callers.tenant(), id, sequence, payload,
                    payload.by());
            TicketFacts facts = TicketFacts.builder(id).priority(priority).customer(null, tier)
                    .createdAt(createdAt, false).status(status).build();
            TicketSnapshot after = new TicketSnapshot(callers.tenant(), id, "sarah", facts, null, createdAt, null,
                    null, sequence);
            reaction.react(event, before, after);
            before = after;
            return event;
        }
    }

    /** One replica's timer poller: the scheduled poll of the service, every quarter second here. */
    private static final class Replica {
        private final FiringSlaTimers timers;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService thread = Executors.newSingleThreadExecutor();

        Replica(FiringSlaTimers timers) {
            this.timers = timers;
        }

        void run() {
            thread.submit(() -> {
                while (running.get()) {
                    try {
                        timers.fireDue(1000);
                        TimeUnit.MILLISECONDS.sleep(250);
                    } catch (InterruptedException stopped) {
                        return;
                    } catch (RuntimeException ignored) {
                        // as the scheduled poller: the next round retries
                    }
                }
            });
        }

        void stop() {
            running.set(false);
            thread.shutdownNow();
        }
    }

    private void start(Replica replica) {
        replicas.add(replica);
        replica.run();
    }

    /** The service's timer firing as another replica runs it: its own lease owner, the same store and services. */
    private FiringSlaTimers timers(SlaEventSink sink) {
        return new FiringSlaTimers(clocks, policies, timeline, sink, context.getBeanProvider(TicketCommands.class), clock,
                context.getBean(MeterRegistry.class));
    }

    private String policy(String body) {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/api/sla/policies",
                "{\"name\": \"Gold\", \"position\": 1, " + body + "}", callers.admin());
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asText();
    }

    private JsonNode ticketSla(String ticketId, SignedCaller caller) {
        ResponseEntity<JsonNode> answer = send(HttpMethod.GET, "/api/sla/tickets/" + ticketId, null, caller);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static JsonNode target(JsonNode sla, String metric) {
        for (JsonNode target : sla.path("targets")) {
            if (target.path("metric").asText().equals(metric)) {
                return target;
            }
        }
        throw new AssertionError("no " + metric + " target in " + sla);
    }

    private static Instant dueAt(JsonNode sla, String metric) {
        return Instant.parse(target(sla, metric).path("dueAt").asText());
    }

    private static Set<String> eventIds(List<JsonNode> events, String type) {
        return events.stream().filter(SlaTopic.type(type)).map(e -> e.path("id").asText()).collect(Collectors.toSet());
    }

    /** Now, to the millisecond, as ticket events carry it. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, SignedCaller caller) {
        HttpHeaders headers = caller.headers();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
