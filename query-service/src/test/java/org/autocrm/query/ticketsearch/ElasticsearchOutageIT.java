package org.autocrm.query.ticketsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.autocrm.events.EventStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.autocrm.infrastructure.ElasticsearchNode;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.infrastructure.InfrastructureSettings;
import org.autocrm.query.projection.Projection;
import org.autocrm.query.projection.ProjectionLag;
import org.autocrm.query.projection.Projections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Elasticsearch goes down while ticket events keep coming: consumption waits without skipping or dead-lettering
 * anything, health says the projection is stuck, and when Elasticsearch is back every ticket arrives exactly as
 * published. It stops an Elasticsearch node of its own (the other tests' node is left alone) and consumes in
 * consumer groups of its own.
 */
@DirtiesContext
@TestPropertySource(properties = {
        "autocrm.query.consumer-group=query-service-outage-it",
        "autocrm.query.metrics.consumer-group=query-service-outage-it.metrics",
        "autocrm.query.projections.lag-refresh=1s",
        "autocrm.query.projections.stuck-after=3s"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElasticsearchOutageIT {

    private static Infrastructure own;

    /** The shared Kafka, but an Elasticsearch of its own. */
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.shared().kafka().bootstrapServers());
        registry.add("spring.elasticsearch.uris", () -> node().url());
    }

    private static synchronized ElasticsearchNode node() {
        if (own == null) {
            own = Infrastructure.start(InfrastructureSettings.ephemeral());
        }
        return own.elasticsearch();
    }

    @AfterAll
    static void closeOwnElasticsearch() {
        if (own != null) {
            own.close();
        }
    }

    @Autowired
    Projections projections;
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private final String tenant = "tenant-" + UUID.randomUUID();
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }
    @Autowired
    ProjectionLag lag;

    @Test
    void eventsPublishedWhileElasticsearchIsDownArriveExactlyOnceWhenItIsBack() {
        Ticket before = new Ticket("Before the outage");
        awaitTicket(before.id, t -> t.path("version").asLong() == 0);
        awaitCaughtUp();
        long deadLettersBefore = deadLetters();

        node().stop();
        Ticket during;
        Ticket alsoDuring;
        try {
            before.send("autocrm.ticket.status_changed.v1", Map.of("from", "OPEN", "to", "IN_PROGRESS"));
            before.send("autocrm.ticket.assigned.v1", Map.of("agentId", "alex"));
            during = new Ticket("During the outage");
            during.send("autocrm.ticket.tags_changed.v1", Map.of("tags", List.of("outage")));
            alsoDuring = new Ticket("Also during the outage");

            ResponseEntity<JsonNode> read = getTicket(before.id);
            assertThat(read.getStatusCode().value()).isEqualTo(503);
            assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(read.getHeaders().getFirst("Retry-After")).isNotBlank();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                lag.refresh();
                assertThat(lag.lag("tickets").orElseThrow().events()).isEqualTo(5);
                JsonNode health = actuatorHealth();
                assertThat(health.at("/components/projections/details/tickets/status").asText()).isEqualTo("DOWN");
                assertThat(health.at("/components/projections/details/tickets/reason").asText()).contains("behind by 5");
            });
        } finally {
            node().start();
        }

        JsonNode changed = awaitTicket(before.id, t -> t.path("version").asLong() == 2);
        assertThat(changed.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(changed.get("agentId").asText()).isEqualTo("alex");
        JsonNode tagged = awaitTicket(during.id, t -> t.path("version").asLong() == 1);
        assertThat(tagged.get("subject").asText()).isEqualTo("During the outage");
        assertThat(tagged.get("tags").toString()).isEqualTo("[\"outage\"]");
        JsonNode created = awaitTicket(alsoDuring.id, t -> t.path("version").asLong() == 0);
        assertThat(created.get("subject").asText()).isEqualTo("Also during the outage");
        awaitCaughtUp();
        assertThat(deadLetters()).as("nothing dead-lettered for an outage").isEqualTo(deadLettersBefore);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                actuatorHealth().at("/components/projections/status").asText()).isEqualTo("UP"));
    }

    private long deadLetters() {
        Projection tickets = projections.named("tickets").orElseThrow();
        return projections.progress(tickets).deadLettered();
    }

    /** One ticket of this test's tenant, its events published on the real topic as ticket-service does. */
    private final class Ticket {

        final String id = UUID.randomUUID().toString();
        long sequence = -1;

        Ticket(String subject) {
            ObjectNode data = json.createObjectNode()
                    .put("ticketId", id).put("tenantId", tenant).put("number", 1)
                    .put("subject", subject).put("description", "details").put("customerId", "sarah")
                    .put("priority", "MEDIUM").put("status", "OPEN").put("channel", "email").put("language", "en");
            data.putArray("tags");
            data.putObject("customFields");
            data.putObject("by").put("userId", "maria").put("role", "agent");
            publish("autocrm.ticket.created.v1", data);
        }

        void send(String type, Map<String, Object> fields) {
            ObjectNode data = json.createObjectNode().put("ticketId", id).put("tenantId", tenant);
            fields.forEach((field, value) -> data.set(field, json.valueToTree(value)));
            publish(type, data);
        }

        private void publish(String type, ObjectNode data) {
            sequence++;
            String now = Instant.now().toString();
            data.put("at", now);
            ObjectNode envelope = json.createObjectNode()
                    .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("type", type)
                    .put("source", EventStreams.TICKET_SERVICE_SOURCE).put("time", now)
                    .put("subject", id).put("tenantId", tenant).put("sequence", sequence)
                    .put("datacontenttype", "application/json");
            envelope.set("data", data);
            try {
                producer.send(new ProducerRecord<>(EventStreams.TICKETS, id, envelope.toString())).get();
            } catch (Exception e) {
                throw new IllegalStateException("Could not publish " + type, e);
            }
        }
    }

    private ResponseEntity<JsonNode> getTicket(String id) {
        return http().get().uri("/api/tickets/" + id)
                .header("X-AutoCRM-Tenant", tenant).header("X-AutoCRM-Role", "admin")
                .retrieve().toEntity(JsonNode.class);
    }

    private JsonNode awaitTicket(String id, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> getTicket(id), r -> r.getStatusCode().value() == 200 && until.test(r.getBody()))
                .getBody();
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            lag.refresh();
            assertThat(lag.lag("tickets").orElseThrow().events()).isZero();
        });
    }

    private JsonNode actuatorHealth() {
        return http().get().uri("/actuator/health").retrieve().body(JsonNode.class);
    }
}
