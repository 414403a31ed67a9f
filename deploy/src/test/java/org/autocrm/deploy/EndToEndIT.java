package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.autocrm.events.EventStreams;
import org.autocrm.infrastructure.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as separate processes on the real infrastructure: a ticket goes in through
 * the gateway, is stored by ticket-service, travels over Kafka, is indexed by query-service and
 * comes back out through the gateway.
 */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Infrastructure infrastructure;
    private static LocalSystem system;

    private TestTenant tenant;
    private TestTenant.Member maria;
    private String sarah;

    @BeforeAll
    static void startEverything() {
        system = RunningSystem.get();
        infrastructure = RunningSystem.infrastructure();
    }

    @org.junit.jupiter.api.BeforeEach
    void createCustomer() throws Exception {
        tenant = TestTenant.create("e2e");
        maria = tenant.staff("maria", "agent", List.of());
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(gateway("/api/customers")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", maria.bearer())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Sarah Chen","emails":["sarah@acme.example"],"company":"Acme Corp"}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        sarah = JSON.readTree(created.body()).get("customerId").asText();
    }

    @Test
    void everyServiceReportsReadyAndExposesMetricsAndApiDocs() throws Exception {
        for (AutoCrmService service : AutoCrmService.values()) {
            assertThat(system.isReady(service)).as(service.module() + " ready").isTrue();
            // the gateway shows its metrics to admins only; the services' management endpoints are not exposed outside
            HttpResponse<String> metrics = get(system.url(service) + "/actuator/prometheus",
                    service == AutoCrmService.GATEWAY ? tenant.admin() : null);
            assertThat(metrics.statusCode()).as(service.module() + " metrics").isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        }
        for (AutoCrmService service : List.of(AutoCrmService.TICKET_SERVICE, AutoCrmService.QUERY_SERVICE)) {
            HttpResponse<String> docs = get(system.url(service) + "/v3/api-docs", null);
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(docs.body()).path("paths").has("/api/tickets")).isTrue();
        }
    }

    @Test
    void ticketCreatedThroughTheGatewayIsReadBackFromElasticsearchThroughTheGateway() throws Exception {
        HttpResponse<String> created = post("""
                {"subject":"Cannot access dashboard","description":"Unable to log in","customerId":"%s","priority":"HIGH","channel":"phone"}
                """.formatted(sarah));

        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("ticketId").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/tickets/" + id);

        JsonNode ticket = awaitTicket(id);
        assertThat(ticket.get("subject").asText()).isEqualTo("Cannot access dashboard");
        assertThat(ticket.get("priority").asText()).isEqualTo("HIGH");
        assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
        assertThat(ticket.get("number").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode page = JSON.readTree(get(gateway("/api/tickets"), maria).body());
            assertThat(page.path("items").findValuesAsText("ticketId")).first().isEqualTo(id);
        });
    }

    @Test
    void invalidTicketGetsAProblemThroughTheGateway() throws Exception {
        HttpResponse<String> refused = post("""
                {"subject":"","customerId":"%s"}
                """.formatted(sarah));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("subject");
    }

    @Test
    void ticketsCreatedWhileKafkaIsDownAllReachElasticsearchExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createTicket("Before the outage " + i));
        }
        infrastructure.kafka().stop();
        try {
            for (int i = 0; i < 10; i++) {
                ids.add(createTicket("During the outage " + i));
            }
        } finally {
            infrastructure.kafka().start();
        }
        for (int i = 0; i < 5; i++) {
            ids.add(createTicket("After the outage " + i));
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode page = JSON.readTree(get(gateway("/api/tickets?size=100"), maria).body());
            assertThat(page.get("total").asLong()).isEqualTo(ids.size());
            assertThat(page.get("items").findValuesAsText("ticketId")).containsExactlyInAnyOrderElementsOf(ids);
        });
        for (String id : ids) {
            assertThat(awaitTicket(id).get("ticketId").asText()).isEqualTo(id);
        }
        assertThat(distinctEventIdsOnTopicFor(ids)).hasSize(ids.size());
    }

    private String createTicket(String subject) throws Exception {
        HttpResponse<String> response = post("""
                {"subject":"%s","customerId":"%s","priority":"MEDIUM"}
                """.formatted(subject, sarah));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("ticketId").asText();
    }

    private Set<String> distinctEventIdsOnTopicFor(List<String> ticketIds) throws IOException {
        Set<String> eventIds = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(EventStreams.TICKETS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (eventIds.size() < ticketIds.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ticketIds.contains(record.key())) {
                        eventIds.add(JSON.readTree(record.value()).get("id").asText());
                    }
                }
            }
        }
        return eventIds;
    }

    private JsonNode awaitTicket(String id) throws IOException {
        HttpResponse<String> response = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(gateway("/api/tickets/" + id), maria), r -> r.statusCode() == 200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway("/api/tickets")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", maria.bearer())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, TestTenant.Member caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (caller != null) {
            request.header("Authorization", caller.bearer());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String gateway(String path) {
        return system.url(AutoCrmService.GATEWAY) + path;
    }
}
