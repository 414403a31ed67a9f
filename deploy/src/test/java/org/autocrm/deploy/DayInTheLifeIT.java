package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.autocrm.events.EventStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The story from the product documents, through the gateway on the running system: Maria creates
 * Sarah and her HIGH ticket, Alex takes it and works it, Sarah answers, Alex resolves, an admin
 * closes — and the history and the Kafka topic both tell exactly that story, in order, with actors.
 */
class DayInTheLifeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TestTenant tenant;

    @BeforeAll
    static void startEverything() {
        RunningSystem.get();
    }

    @org.junit.jupiter.api.BeforeEach
    void ownTenant() {
        tenant = TestTenant.create("story");
    }

    @Test
    void aTicketFromFirstCallToClosure() throws Exception {
        Caller maria = new Caller(tenant.staff("maria", "agent", List.of()));
        Caller alex = new Caller(tenant.staff("alex", "agent", List.of()));
        Caller admin = new Caller(tenant.admin());

        String sarahId = maria.post("/api/customers", """
                {"name":"Sarah Chen","emails":["sarah@acme.example"],"company":"Acme Corp","language":"en","timeZone":"Europe/Berlin"}
                """, 201).get("customerId").asText();
        Caller sarah = new Caller(tenant.customer(sarahId));

        JsonNode opened = maria.post("/api/tickets", """
                {"subject":"Cannot access dashboard","description":"Unable to log in","customerId":"%s","priority":"HIGH","channel":"phone"}
                """.formatted(sarahId), 201);
        String ticket = "/api/tickets/" + opened.get("ticketId").asText();
        Instant whenOpened = Instant.now();

        alex.put(ticket + "/assign", "{\"agentId\":\"me\"}", 200);
        alex.put(ticket + "/status", "{\"status\":\"IN_PROGRESS\"}", 200);
        alex.post(ticket + "/responses", """
                {"body":"Account locked after failed logins, checking with @maria","visibility":"internal"}
                """, 201);
        alex.post(ticket + "/responses", """
                {"body":"Hi Sarah, which browser do you use?","visibility":"public"}
                """, 201);
        alex.put(ticket + "/status", "{\"status\":\"PENDING\"}", 200);
        sarah.post(ticket + "/responses", "{\"body\":\"Chrome on Windows\"}", 201);
        alex.put(ticket + "/status", """
                {"status":"RESOLVED","resolutionSummary":"Unlocked the account and cleared the browser cache"}
                """, 200);
        JsonNode closed = admin.put(ticket + "/status", "{\"status\":\"CLOSED\"}", 200);

        List<List<String>> expectedStory = List.of(
                List.of("autocrm.ticket.created.v1", maria.id()),
                List.of("autocrm.ticket.assigned.v1", alex.id()),
                List.of("autocrm.ticket.status_changed.v1", alex.id()),
                List.of("autocrm.ticket.message_added.v1", alex.id()),
                List.of("autocrm.ticket.message_added.v1", alex.id()),
                List.of("autocrm.ticket.status_changed.v1", alex.id()),
                List.of("autocrm.ticket.message_added.v1", sarahId),
                List.of("autocrm.ticket.status_changed.v1", sarahId),
                List.of("autocrm.ticket.status_changed.v1", alex.id()),
                List.of("autocrm.ticket.status_changed.v1", admin.id()));
        assertThat(closed.get("version").asLong()).isEqualTo(expectedStory.size() - 1);

        // the ticket is Alex's now: an agent sees only their own, their groups' and unassigned tickets, so
        // the admin reads the record
        JsonNode history = admin.get(ticket + "/history", 200).get("events");
        List<List<String>> told = new ArrayList<>();
        history.forEach(e -> told.add(List.of(e.get("type").asText(), e.at("/by/userId").asText())));
        assertThat(told).containsExactlyElementsOf(expectedStory);
        assertThat(history.get(7).at("/data/reason").asText()).isEqualTo("customer_reply");
        assertThat(history.get(7).at("/data/to").asText()).isEqualTo("OPEN");
        assertThat(history.get(8).at("/data/resolutionSummary").asText()).startsWith("Unlocked the account");
        assertThat(history.get(3).at("/data/mentions/0").asText()).isEqualTo("maria");

        assertThat(storyOnKafka(opened.get("ticketId").asText(), expectedStory.size())).isEqualTo(told);

        JsonNode sarahsView = sarah.get(ticket + "/history", 200).get("events");
        assertThat(sarahsView.findValuesAsText("visibility")).containsOnly("public");
        assertThat(sarahsView).hasSize(expectedStory.size() - 1);

        JsonNode whenNew = admin.get(ticket + "/as-of/" + whenOpened, 200);
        assertThat(whenNew.get("status").asText()).isEqualTo("OPEN");
        assertThat(whenNew.get("agentId").isNull()).isTrue();
        JsonNode now = admin.get(ticket + "/as-of/" + Instant.now(), 200);
        assertThat(now.get("status").asText()).isEqualTo("CLOSED");
        assertThat(now.get("agentId").asText()).isEqualTo(alex.id());
        assertThat(now.get("messages")).hasSize(3);
    }

    @Test
    void whatTheStoryRefusesChangesNothing() throws Exception {
        Caller maria = new Caller(tenant.staff("maria", "agent", List.of()));
        String sarahId = maria.post("/api/customers", "{\"name\":\"Sarah Chen\",\"emails\":[\"s@acme.example\"]}", 201)
                .get("customerId").asText();
        String ticket = "/api/tickets/" + maria.post("/api/tickets", """
                {"subject":"Cannot access dashboard","customerId":"%s","priority":"HIGH"}
                """.formatted(sarahId), 201).get("ticketId").asText();

        assertThat(maria.put(ticket + "/assign", "{\"agentId\":\"alex\",\"groupId\":\"tech\"}", 400)
                .get("code").asText()).isEqualTo("AGENT_AND_GROUP_TOGETHER");
        JsonNode illegal = maria.put(ticket + "/status", "{\"status\":\"NEW\"}", 409);
        assertThat(illegal.get("currentStatus").asText()).isEqualTo("OPEN");
        assertThat(illegal.get("allowedStatuses")).isNotEmpty();
        assertThat(maria.put(ticket + "/status", "{\"status\":\"RESOLVED\"}", 400).get("errors").get(0).get("field")
                .asText()).isEqualTo("resolutionSummary");
        assertThat(maria.put(ticket, "{\"categoryId\":\"no-such-category\"}", 422).get("code").asText())
                .isEqualTo("UNKNOWN_CATEGORY");
        assertThat(maria.put(ticket, "{\"customFields\":{\"seats\":12}}", 422).get("code").asText())
                .isEqualTo("INVALID_CUSTOM_FIELD");
        assertThat(maria.put(ticket, "{\"priority\":\"URGENT\"}", 403).get("code").asText()).isEqualTo("NOT_PERMITTED");
        JsonNode stale = maria.putIfMatch(ticket + "/status", "{\"status\":\"IN_PROGRESS\"}", "\"7\"", 409);
        assertThat(stale.get("currentVersion").asLong()).isZero();

        assertThat(maria.get(ticket + "/history", 200).get("events")).hasSize(1);
    }

    private List<List<String>> storyOnKafka(String ticketId, int expected) throws Exception {
        List<List<String>> story = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.infrastructure().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "story-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(EventStreams.TICKETS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (story.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ticketId.equals(record.key())) {
                        JsonNode event = JSON.readTree(record.value());
                        story.add(List.of(event.get("type").asText(), event.at("/data/by/userId").asText()));
                    }
                }
            }
        }
        return story;
    }

    /** Someone signed in to the story's tenant, using the API through the gateway. */
    private static final class Caller {
        private final TestTenant.Member member;

        Caller(TestTenant.Member member) {
            this.member = member;
        }

        String id() {
            return member.id();
        }

        JsonNode post(String path, String body, int expectedStatus) throws Exception {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
        }

        JsonNode put(String path, String body, int expectedStatus) throws Exception {
            return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
        }

        JsonNode putIfMatch(String path, String body, String ifMatch, int expectedStatus) throws Exception {
            return send(request(path).header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(body)),
                    expectedStatus);
        }

        JsonNode get(String path, int expectedStatus) throws Exception {
            return send(request(path).GET(), expectedStatus);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(RunningSystem.gateway(path)))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", member.bearer());
        }

        private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws Exception {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.build().method() + " " + request.build().uri() + " -> "
                    + response.body()).isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        }
    }
}
