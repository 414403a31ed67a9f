package org.autocrm.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.autocrm.events.Actor;
import org.autocrm.events.EventEnvelope;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCategoryChanged;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketEvent;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketSatisfactionRated;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.infrastructure.Infrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Ticket events with known times, published on the real topic, become the right metrics: counts,
 * first-response and resolution percentiles, reopen rate, CSAT and backlog, per group and tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIT {

    private static final Instant BASE = Instant.parse("2026-03-10T08:00:00Z");
    private static final Actor ALEX = new Actor("alex", "agent");
    private static final Actor BOB = new Actor("bob", "agent");
    private static final Actor LEAD = new Actor("lena", "team_lead");
    private static final Actor CUSTOMER = new Actor("sarah", "customer");
    private static final String RANGE = "from=2026-03-10&to=2026-03-11";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = Infrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", () -> infrastructure.kafka().bootstrapServers());
        registry.add("spring.elasticsearch.uris", () -> infrastructure.elasticsearch().url());
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private RestClient http;
    private KafkaProducer<String, String> producer;
    private final String tenant = "tenant-" + UUID.randomUUID();
    private final List<String> published = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void measuresCountsResponseAndResolutionTimesReopensCsatAndBacklogPerAgent() throws Exception {
        publishScenario();

        Map<String, JsonNode> rows = awaitScenario("agent");

        assertThat(rows).containsOnlyKeys("alex", "bob", "(none)");
        JsonNode alex = rows.get("alex");
        assertThat(alex.get("created").asLong()).isEqualTo(2);
        assertThat(alex.get("resolved").asLong()).isEqualTo(2);
        assertThat(alex.get("firstResponseMedianSeconds").asDouble()).isBetween(600.0, 1200.0);
        assertThat(alex.get("firstResponseP90Seconds").asDouble())
                .isBetween(alex.get("firstResponseMedianSeconds").asDouble(), 1200.0);
        assertThat(alex.get("resolutionMedianSeconds").asDouble()).isBetween(7200.0, 14400.0);
        assertThat(alex.get("resolutionP90Seconds").asDouble())
                .isBetween(alex.get("resolutionMedianSeconds").asDouble(), 14400.0);
        assertThat(alex.get("reopenRate").asDouble()).isEqualTo(0.5);
        assertThat(alex.get("csatAverage").asDouble()).isEqualTo(3.5);
        assertThat(alex.get("csatSatisfiedPercent").asDouble()).isEqualTo(50.0);
        assertThat(alex.get("backlog").asLong()).isZero();
        assertThat(alex.get("backlogAgeMedianHours").isNull()).isTrue();

        JsonNode bob = rows.get("bob");
        assertThat(bob.get("created").asLong()).isEqualTo(1);
        assertThat(bob.get("resolved").asLong()).isZero();
        assertThat(bob.get("firstResponseMedianSeconds").asDouble()).isEqualTo(1800.0);
        assertThat(bob.get("firstResponseP90Seconds").asDouble()).isEqualTo(1800.0);
        assertThat(bob.get("resolutionMedianSeconds").isNull()).isTrue();
        assertThat(bob.get("reopenRate").asDouble()).isZero();
        assertThat(bob.get("csatAverage").isNull()).isTrue();
        assertThat(bob.get("backlog").asLong()).isEqualTo(1);
        double bobsAgeHours = Duration.between(BASE.plusSeconds(2 * 3600), Instant.now()).toSeconds() / 3600.0;
        assertThat(bob.get("backlogAgeMedianHours").asDouble()).isCloseTo(bobsAgeHours, within(0.1));

        JsonNode unassigned = rows.get("(none)");
        assertThat(unassigned.get("created").asLong()).isEqualTo(1);
        assertThat(unassigned.get("firstResponseMedianSeconds").isNull()).isTrue();
        assertThat(unassigned.get("backlog").asLong()).isEqualTo(1);
    }

    @Test
    void groupsByDayPriorityGroupAndChannelOverTheRange() throws Exception {
        publishScenario();
        awaitScenario("agent");

        Map<String, JsonNode> days = rows(get("/api/metrics/tickets?groupBy=day&" + RANGE).getBody());
        assertThat(days).containsOnlyKeys("2026-03-10", "2026-03-11");
        assertThat(days.get("2026-03-10").get("created").asLong()).isEqualTo(3);
        assertThat(days.get("2026-03-10").get("resolved").asLong()).isEqualTo(2);
        assertThat(days.get("2026-03-10").get("backlog").asLong()).isEqualTo(1);
        assertThat(days.get("2026-03-11").get("created").asLong()).isEqualTo(1);
        assertThat(days.get("2026-03-11").get("resolved").asLong()).isZero();
        Map<String, JsonNode> withAQuietDay = rows(get("/api/metrics/tickets?groupBy=day&from=2026-03-10&to=2026-03-12")
                .getBody());
        assertThat(withAQuietDay).containsOnlyKeys("2026-03-10", "2026-03-11", "2026-03-12");
        assertThat(withAQuietDay.get("2026-03-12").get("created").asLong()).isZero();

        Map<String, JsonNode> priorities = rows(get("/api/metrics/tickets?groupBy=priority&" + RANGE).getBody());
        assertThat(priorities.get("HIGH").get("created").asLong()).isEqualTo(2);
        assertThat(priorities.get("NORMAL").get("created").asLong()).isEqualTo(1);
        assertThat(priorities.get("LOW").get("created").asLong()).isEqualTo(1);

        Map<String, JsonNode> groups = rows(get("/api/metrics/tickets?groupBy=group&" + RANGE).getBody());
        assertThat(groups.get("billing-team").get("created").asLong()).isEqualTo(1);
        assertThat(groups.get("(none)").get("created").asLong()).isEqualTo(3);

        Map<String, JsonNode> channels = rows(get("/api/metrics/tickets?groupBy=channel&" + RANGE).getBody());
        assertThat(channels.get("email").get("created").asLong()).isEqualTo(3);
        assertThat(channels.get("chat").get("created").asLong()).isEqualTo(1);

        // only the second day: one ticket created in it, but the backlog is what is open now
        Map<String, JsonNode> secondDay = rows(get("/api/metrics/tickets?groupBy=priority&from=2026-03-11&to=2026-03-11")
                .getBody());
        assertThat(secondDay.get("LOW").get("created").asLong()).isEqualTo(1);
        assertThat(secondDay.get("NORMAL").get("created").asLong()).isZero();
        assertThat(secondDay.get("NORMAL").get("backlog").asLong()).isEqualTo(1);
        assertThat(secondDay).doesNotContainKey("HIGH");
    }

    @Test
    void redeliveredAndReplayedEventsDoNotCountTwice() throws Exception {
        List<String> tickets = publishScenario();
        Map<String, JsonNode> before = awaitScenario("agent");

        for (String envelope : List.copyOf(published)) {
            sendRaw(envelope);
        }
        // a forged replay of an earlier sequence with other content
        send(tickets.get(2), 0, new TicketCreated(tickets.get(2), tenant, 3, "Replayed", "", "c3", "HIGH",
                TicketStatus.OPEN, "email", "en", "hardware", List.of(), Map.of(), null, BOB, BASE));
        // then one new event per ticket: once it shows, everything before it on its partition was applied
        for (String ticket : tickets) {
            next(ticket, new TicketCategoryChanged(ticket, tenant, null, "after-replay", LEAD, BASE.plusSeconds(86400 * 2)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode afterReplay = rows(get("/api/metrics/tickets?groupBy=category&" + RANGE).getBody()).get("after-replay");
            assertThat(afterReplay).isNotNull();
            assertThat(afterReplay.get("created").asLong()).isEqualTo(4);
        });

        Map<String, JsonNode> after = rows(get("/api/metrics/tickets?groupBy=agent&" + RANGE).getBody());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String agent : before.keySet()) {
            assertThat(without(after.get(agent), "backlogAgeMedianHours"))
                    .isEqualTo(without(before.get(agent), "backlogAgeMedianHours"));
        }
        Map<String, JsonNode> priorities = rows(get("/api/metrics/tickets?groupBy=priority&" + RANGE).getBody());
        assertThat(priorities.get("NORMAL").get("created").asLong()).isEqualTo(1);
    }

    @Test
    void exportsTheSameTableAsCsv() throws Exception {
        publishScenario();
        awaitScenario("agent");

        ResponseEntity<String> byParameter = http.get().uri("/api/metrics/tickets?format=csv&groupBy=agent&" + RANGE)
                .header("X-AutoCRM-Tenant", tenant).retrieve().toEntity(String.class);
        ResponseEntity<String> byAccept = http.get().uri("/api/metrics/tickets?groupBy=agent&" + RANGE)
                .header("X-AutoCRM-Tenant", tenant).accept(MediaType.parseMediaType("text/csv"))
                .retrieve().toEntity(String.class);

        assertThat(byParameter.getStatusCode().value()).isEqualTo(200);
        assertThat(byParameter.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        String[] lines = byParameter.getBody().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("group,created,resolved,first_response_median_seconds,first_response_p90_seconds,"
                + "resolution_median_seconds,resolution_p90_seconds,reopen_rate,csat_average,csat_satisfied_percent,"
                + "backlog,backlog_age_median_hours,first_response_sla_percent,resolution_sla_percent");
        assertThat(lines[1]).startsWith("(none),1,0,,,,,0.0,,,1,");
        assertThat(lines[2]).startsWith("alex,2,2,").contains(",0.5,3.5,50.0,0,").endsWith(",0,,,");
        assertThat(lines[3]).startsWith("bob,1,0,1800.0,1800.0,,,0.0,,,1,");
        assertThat(byAccept.getStatusCode().value()).isEqualTo(200);
        assertThat(byAccept.getBody().split("\r\n")[0]).isEqualTo(lines[0]);
        assertThat(byAccept.getBody().split("\r\n")).hasSize(4);
    }

    @Test
    void customersMayNotReadMetrics() {
        ResponseEntity<JsonNode> response = http.get().uri("/api/metrics/tickets")
                .header("X-AutoCRM-Tenant", tenant).header("X-AutoCRM-Role", "customer")
                .retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/metrics/tickets").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertBadRequest("/api/metrics/tickets?groupBy=weather", "groupBy");
        assertBadRequest("/api/metrics/tickets?from=2026-03-12&to=2026-03-10", "from");
        assertBadRequest("/api/metrics/tickets?from=yesterday", "from must be a date");
        assertBadRequest("/api/metrics/tickets?to=2026-02-30T25:00:00Z", "to must be a date");
        assertBadRequest("/api/metrics/tickets?format=xml", "format");
        assertBadRequest("/api/metrics/tickets?groupBy=day&from=2020-01-01&to=2026-01-01", "groupBy=day");

        ResponseEntity<String> csv = http.get().uri("/api/metrics/tickets?groupBy=weather")
                .header("X-AutoCRM-Tenant", tenant).accept(MediaType.parseMediaType("text/csv"))
                .retrieve().toEntity(String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(400);
        assertThat(csv.getBody()).contains("groupBy");
    }

    @Test
    void aCreationWithAnUnreadableTimeIsSkippedWithoutStoppingItsPartition() throws Exception {
        String key = UUID.randomUUID().toString(); // one Kafka key, so one partition, in this order
        String unreadable = UUID.randomUUID().toString();
        ObjectNode badTime = (ObjectNode)
                json.readTree(envelope(unreadable, 0, created(unreadable, 1, "HIGH", "email", BASE)));
        ((ObjectNode) badTime.get("data")).put("at", "not a time");
        sendRaw(key, json.writeValueAsString(badTime));
        String measured = UUID.randomUUID().toString();
        sendRaw(key, envelope(measured, 0, created(measured, 2, "LOW", "web", BASE)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, JsonNode> rows = rows(get("/api/metrics/tickets?groupBy=priority&" + RANGE).getBody());
            assertThat(rows).containsOnlyKeys("LOW");
            assertThat(rows.get("LOW").get("created").asLong()).isEqualTo(1);
            assertThat(rows.get("LOW").get("resolved").asLong()).isZero();
        });
    }

    private void assertBadRequest(String path, String named) {
        ResponseEntity<JsonNode> response = get(path);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).as(path).contains(named);
    }

    /**
     * Four tickets: alex answers two (after 10 and 20 minutes) and resolves them (after 2 and 4
     * hours; the second is reopened by the customer and resolved again), both rated (5 and 2);
     * bob answers one after 30 minutes and leaves it open; one, the next day, waits for a group.
     */
    private List<String> publishScenario() throws Exception {
        String first = create(1, "HIGH", "email", BASE);
        next(first, new TicketAssigned(first, tenant, "alex", null, null, null, LEAD, at(1)));
        next(first, message(first, "internal", ALEX, at(2)));
        next(first, message(first, "public", ALEX, at(10)));
        next(first, status(first, TicketStatus.OPEN, TicketStatus.RESOLVED, "manual", ALEX, at(120)));
        next(first, new TicketSatisfactionRated(first, tenant, "five_point", 5, "great", CUSTOMER, at(180)));

        Instant secondAt = BASE.plusSeconds(3600);
        String second = create(2, "HIGH", "email", secondAt);
        next(second, new TicketAssigned(second, tenant, "alex", null, null, null, LEAD, secondAt.plusSeconds(60)));
        next(second, message(second, "public", CUSTOMER, secondAt.plusSeconds(5 * 60)));
        next(second, message(second, "public", ALEX, secondAt.plusSeconds(20 * 60)));
        next(second, status(second, TicketStatus.OPEN, TicketStatus.RESOLVED, "manual", ALEX, secondAt.plusSeconds(4 * 3600)));
        next(second, status(second, TicketStatus.RESOLVED, TicketStatus.OPEN, "customer_reply", CUSTOMER,
                secondAt.plusSeconds(5 * 3600)));
        next(second, status(second, TicketStatus.OPEN, TicketStatus.RESOLVED, "manual", ALEX, secondAt.plusSeconds(6 * 3600)));
        next(second, new TicketSatisfactionRated(second, tenant, "five_point", 2, "slow", CUSTOMER,
                secondAt.plusSeconds(7 * 3600)));

        Instant thirdAt = BASE.plusSeconds(2 * 3600);
        String third = create(3, "NORMAL", "email", thirdAt);
        next(third, new TicketAssigned(third, tenant, "bob", null, null, null, LEAD, thirdAt.plusSeconds(60)));
        next(third, message(third, "public", BOB, thirdAt.plusSeconds(30 * 60)));
        next(third, status(third, TicketStatus.OPEN, TicketStatus.IN_PROGRESS, "manual", BOB, thirdAt.plusSeconds(40 * 60)));

        Instant fourthAt = BASE.plusSeconds(86400);
        String fourth = create(4, "LOW", "chat", fourthAt);
        next(fourth, new TicketAssigned(fourth, tenant, null, "billing-team", null, null, LEAD, fourthAt.plusSeconds(60)));
        return List.of(first, second, third, fourth);
    }

    /** Waits until every event of the scenario shows and returns the rows by agent. */
    private Map<String, JsonNode> awaitScenario(String groupBy) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                () -> rows(get("/api/metrics/tickets?groupBy=" + groupBy + "&" + RANGE).getBody()),
                rows -> rows.containsKey("alex") && rows.containsKey("bob") && rows.containsKey("(none)")
                        && rows.get("alex").get("resolved").asLong() == 2
                        && rows.get("alex").get("reopenRate").asDouble() == 0.5
                        && rows.get("alex").get("csatAverage").asDouble() == 3.5
                        && !rows.get("bob").get("firstResponseMedianSeconds").isNull()
                        && rows.get("bob").get("backlog").asLong() == 1
                        && rows.get("(none)").get("created").asLong() == 1);
    }

    private String create(long number, String priority, String channel, Instant at) throws Exception {
        String id = UUID.randomUUID().toString();
        next(id, created(id, number, priority, channel, at));
        return id;
    }

    private TicketCreated created(String id, long number, String priority, String channel, Instant at) {
        return new TicketCreated(id, tenant, number, "Ticket " + number, "details", "customer-" + number, priority,
                TicketStatus.OPEN, channel, "en", "billing", List.of(), Map.of(), null, CUSTOMER, at);
    }

    private TicketMessageAdded message(String ticket, String visibility, Actor by, Instant at) {
        return new TicketMessageAdded(ticket, tenant, UUID.randomUUID().toString(), "thread-1",
                "public".equals(visibility) ? "external" : "internal", visibility, "text", List.of(), List.of(), by, at);
    }

    private TicketStatusChanged status(String ticket, TicketStatus from, TicketStatus to, String reason, Actor by,
                                       Instant at) {
        return new TicketStatusChanged(ticket, tenant, from, to, null, reason,
                to == TicketStatus.RESOLVED ? "fixed" : null, by, at);
    }

    private static Instant at(int minutesAfterBase) {
        return BASE.plusSeconds(60L * minutesAfterBase);
    }

    private void next(String ticket, TicketEvent event) throws Exception {
        long sequence = sequences.merge(ticket, 0L, (current, ignored) -> current + 1);
        published.add(send(ticket, sequence, event));
    }

    private String send(String ticket, long sequence, TicketEvent event) throws Exception {
        String value = envelope(ticket, sequence, event);
        sendRaw(value);
        return value;
    }

    private String envelope(String ticket, long sequence, TicketEvent event) throws Exception {
        Instant time = json.valueToTree(event).path("at").isTextual()
                ? Instant.parse(json.valueToTree(event).path("at").asText()) : Instant.now();
        EventEnvelope<TicketEvent> envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(),
                EventTypes.typeOf(event.getClass()), EventStreams.TICKET_SERVICE_SOURCE, time, ticket, tenant, sequence,
                EventEnvelope.CONTENT_TYPE, event);
        return json.writeValueAsString(envelope);
    }

    private void sendRaw(String envelope) throws Exception {
        sendRaw(json.readTree(envelope).path("subject").asText(), envelope);
    }

    private void sendRaw(String key, String envelope) throws Exception {
        producer.send(new ProducerRecord<>(EventStreams.TICKETS, key, envelope)).get();
    }

    private static Map<String, JsonNode> rows(JsonNode table) {
        Map<String, JsonNode> rows = new TreeMap<>();
        if (table != null) {
            StreamSupport.stream(table.path("groups").spliterator(), false)
                    .forEach(row -> rows.put(row.get("key").asText(), row));
        }
        return rows;
    }

    private static JsonNode without(JsonNode row, String field) {
        ObjectNode copy = row.deepCopy();
        copy.remove(field);
        return copy;
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).header("X-AutoCRM-Tenant", tenant).retrieve().toEntity(JsonNode.class);
    }
}
