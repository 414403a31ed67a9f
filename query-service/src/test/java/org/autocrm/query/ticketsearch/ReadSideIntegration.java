package org.autocrm.query.ticketsearch;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.autocrm.events.EventStreams;
import org.autocrm.infrastructure.Infrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * What the read-API integration tests share, so they share one Spring context: the real Kafka
 * topic and Elasticsearch, a producer of realistic ticket envelopes, and a client that names its
 * caller with the development headers. Each test class works in a tenant of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReadSideIntegration {

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
    @Autowired
    ElasticsearchClient elasticsearch;

    private static final AtomicLong LAST_MILLIS = new AtomicLong();

    /** Now, but later than any time handed out before, so creation order is also time order. */
    static Instant distinctNow() {
        return Instant.ofEpochMilli(LAST_MILLIS.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
    }

    protected final String tenant = "tenant-" + UUID.randomUUID();
    private RestClient http;
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    /** Someone reading: tenant, user, role and groups, as the development headers carry them. */
    record As(String tenant, String user, String role, String groups) {
    }

    protected As admin() {
        return new As(tenant, "ada", "admin", null);
    }

    protected As teamLead() {
        return new As(tenant, "tom", "team_lead", null);
    }

    protected As agent(String user, String groups) {
        return new As(tenant, user, "agent", groups);
    }

    protected As customer(String customerId) {
        return new As(tenant, customerId, "customer", null);
    }

    /** A new ticket of this tenant; returns a builder of its later events. */
    protected TicketEvents ticket(String subject) {
        return new TicketEvents(UUID.randomUUID().toString()).created(subject, Map.of());
    }

    protected ResponseEntity<JsonNode> get(String path, As as) {
        return http.get().uri(path)
                .headers(h -> {
                    h.set("X-AutoCRM-Tenant", as.tenant());
                    h.set("X-AutoCRM-User", as.user());
                    h.set("X-AutoCRM-Role", as.role());
                    if (as.groups() != null) {
                        h.set("X-AutoCRM-Groups", as.groups());
                    }
                })
                .retrieve().toEntity(JsonNode.class);
    }

    /**
     * Waits until the admin sees the ticket at that version, i.e. every event sent for it is
     * applied, then refreshes the index so searches see it too without waiting for the next
     * scheduled refresh.
     */
    protected void awaitVersion(TicketEvents ticket) {
        awaitTicket(ticket.id, t -> t.path("version").asLong() == ticket.sequence);
        try {
            elasticsearch.indices().refresh(r -> r.index(TicketIndex.ALIAS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected JsonNode awaitTicket(String id, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/tickets/" + id, admin()),
                        r -> r.getStatusCode().value() == 200 && until.test(r.getBody()))
                .getBody();
    }

    /** One ticket's events, each with the next sequence, published on the real topic as ticket-service does. */
    protected final class TicketEvents {

        final String id;
        long sequence = -1;
        Instant at = distinctNow();

        TicketEvents(String id) {
            this.id = id;
        }

        TicketEvents created(String subject, Map<String, Object> overrides) {
            ObjectNode data = json.createObjectNode()
                    .put("ticketId", id).put("tenantId", tenant).put("number", Math.abs(id.hashCode()))
                    .put("subject", subject).put("description", "details of " + subject)
                    .put("customerId", "sarah").put("priority", "MEDIUM").put("status", "OPEN")
                    .put("channel", "email").put("language", "en");
            data.putNull("categoryId");
            data.putArray("tags");
            data.putObject("customFields");
            data.putNull("followUpOf");
            data.putObject("by").put("userId", "maria").put("role", "agent");
            overrides.forEach((field, value) -> data.set(field, json.valueToTree(value)));
            return send("autocrm.ticket.created.v1", data);
        }

        /** Any later event, with these fields besides ticketId, tenantId and at. */
        TicketEvents send(String type, Map<String, Object> fields) {
            ObjectNode data = json.createObjectNode().put("ticketId", id).put("tenantId", tenant);
            fields.forEach((field, value) -> data.set(field, json.valueToTree(value)));
            return send(type, data);
        }

        TicketEvents at(Instant when) {
            this.at = when;
            return this;
        }

        private TicketEvents send(String type, ObjectNode data) {
            sequence++;
            data.put("at", at.toString());
            ObjectNode envelope = json.createObjectNode()
                    .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("type", type)
                    .put("source", EventStreams.TICKET_SERVICE_SOURCE).put("time", at.toString())
                    .put("subject", id).put("tenantId", tenant).put("sequence", sequence)
                    .put("datacontenttype", "application/json");
            envelope.set("data", data);
            try {
                producer.send(new ProducerRecord<>(EventStreams.TICKETS, id, envelope.toString())).get();
            } catch (Exception e) {
                throw new IllegalStateException("Could not publish " + type, e);
            }
            return this;
        }

        TicketEvents assigned(String agentId, String groupId) {
            Map<String, Object> fields = new java.util.HashMap<>();
            fields.put("agentId", agentId);
            fields.put("groupId", groupId);
            return send("autocrm.ticket.assigned.v1", fields);
        }

        TicketEvents status(String to) {
            return send("autocrm.ticket.status_changed.v1", Map.of("from", "OPEN", "to", to));
        }

        TicketEvents message(String visibility, String body, String role) {
            return send("autocrm.ticket.message_added.v1", Map.of("messageId", UUID.randomUUID().toString(),
                    "threadKind", "external", "visibility", visibility, "body", body,
                    "by", Map.of("userId", "someone", "role", role)));
        }
    }

    protected TicketEvents ticket(String subject, Map<String, Object> creation) {
        return new TicketEvents(UUID.randomUUID().toString()).created(subject, creation);
    }

    protected TicketEvents ticketAt(Instant createdAt, String subject, Map<String, Object> creation) {
        return new TicketEvents(UUID.randomUUID().toString()).at(createdAt).created(subject, creation);
    }
}
