package org.autocrm.query;

import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.autocrm.events.Actor;
import org.autocrm.events.CustomerCreated;
import org.autocrm.events.CustomerUpdated;
import org.autocrm.events.EventEnvelope;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.PublishedEvent;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketSatisfactionRated;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.servicetesting.sse.SseStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The one base of query-service's integration tests, so they share one Spring context: real Kafka and
 * Elasticsearch, ticket and customer events published in their envelopes on the real topics (built from the
 * contract records by {@link Ticket} and {@link Customer}, or field by field by {@link TicketEvents} where a test
 * needs events the records would not let it write), and an HTTP client naming its caller with the development
 * headers. Each test works in a tenant of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EventStreamIntegration {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = Infrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", () -> infrastructure.kafka().bootstrapServers());
        registry.add("spring.elasticsearch.uris", () -> infrastructure.elasticsearch().url());
    }

    protected static final Actor SYSTEM = new Actor("import", "system");
    private static final AtomicLong LAST_MILLIS = new AtomicLong();

    @LocalServerPort
    protected int port;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected ElasticsearchClient elasticsearch;

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

    /** Now, but later than any time handed out before, so creation order is also time order. */
    protected static Instant distinctNow() {
        return Instant.ofEpochMilli(LAST_MILLIS.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
    }

    /** Someone calling: tenant, user, role and groups, as the development headers carry them. */
    public record As(String tenant, String user, String role, String groups) {
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

    protected ResponseEntity<JsonNode> get(String path, As as) {
        return call(HttpMethod.GET, path, null, as);
    }

    /** A read of this path and query exactly as written (already encoded: nothing is encoded again). */
    protected ResponseEntity<JsonNode> getExactly(String pathAndQuery, As as) {
        return http.get().uri(java.net.URI.create("http://localhost:" + port + pathAndQuery))
                .headers(h -> caller(h, as)).retrieve().toEntity(JsonNode.class);
    }

    /** A read with one more request header (such as read-your-writes). */
    protected ResponseEntity<JsonNode> get(String path, As as, String header, String value) {
        return http.get().uri(path).headers(h -> {
            caller(h, as);
            h.set(header, value);
        }).retrieve().toEntity(JsonNode.class);
    }

    protected ResponseEntity<String> getText(String path, As as, MediaType accept) {
        return http.get().uri(path).headers(h -> caller(h, as)).accept(accept).retrieve().toEntity(String.class);
    }

    protected ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, As as) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(h -> caller(h, as));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    /** Opens {@code GET /api/stream} as this caller, resuming after {@code lastEventId} unless it is null. */
    protected SseStream stream(As as, String lastEventId) {
        Map<String, String> headers = new HashMap<>();
        HttpHeaders callerHeaders = new HttpHeaders();
        caller(callerHeaders, as);
        callerHeaders.forEach((name, values) -> headers.put(name, values.get(0)));
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return SseStream.open("http://localhost:" + port + "/api/stream", headers);
    }

    private static void caller(HttpHeaders headers, As as) {
        headers.set("X-AutoCRM-Tenant", as.tenant());
        headers.set("X-AutoCRM-User", as.user());
        headers.set("X-AutoCRM-Role", as.role());
        if (as.groups() != null) {
            headers.set("X-AutoCRM-Groups", as.groups());
        }
    }

    /** Waits until the admin sees the ticket so, then refreshes the index so that searches see it too. */
    protected JsonNode awaitTicket(Ticket ticket, Predicate<JsonNode> until) {
        JsonNode seen = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/tickets/" + ticket.id, admin()),
                        r -> r.getStatusCode().value() == 200 && until.test(r.getBody()))
                .getBody();
        refresh("tickets");
        return seen;
    }

    /** Waits until every event sent for the ticket is applied. */
    protected JsonNode awaitApplied(Ticket ticket) {
        return awaitTicket(ticket, t -> t.path("version").asLong() == ticket.sequence);
    }

    protected void refresh(String alias) {
        try {
            elasticsearch.indices().refresh(r -> r.index(alias));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes one event in its envelope, keyed by the aggregate, as ticket-service does; returns the record value. */
    protected String publish(String subject, long sequence, PublishedEvent event, Instant time) {
        EventTypes.Registration registration = EventTypes.of(event.getClass());
        EventEnvelope<PublishedEvent> envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION,
                UUID.randomUUID().toString(), registration.type(), EventStreams.TICKET_SERVICE_SOURCE, time, subject,
                tenant, sequence, EventEnvelope.CONTENT_TYPE, event);
        try {
            String value = json.writeValueAsString(envelope);
            producer.send(new ProducerRecord<>(registration.topic(), subject, value)).get();
            return value;
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + registration.type(), e);
        }
    }

    /** Publishes a record as it is (not necessarily an event). */
    protected void publishRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Sends a record value again, as a redelivery would. */
    protected void redeliver(String topic, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, json.readTree(value).path("subject").asText(), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not redeliver", e);
        }
    }

    protected Customer customerProfile(String customerId) {
        return new Customer(customerId);
    }

    /** One customer's profile events, each with the next sequence. */
    protected final class Customer {

        public final String id;
        public long sequence = -1;
        public String lastPublished;

        Customer(String id) {
            this.id = id;
        }

        public Customer created(String name, String email, String company, String tier) {
            Instant at = distinctNow();
            lastPublished = publish(id, ++sequence, new CustomerCreated(id, tenant, name, List.of(email), null, company,
                    tier, "en", "Europe/Berlin", null, SYSTEM, at), at);
            return this;
        }

        public Customer updated(String name, String email, String company, String tier) {
            Instant at = distinctNow();
            lastPublished = publish(id, ++sequence, new CustomerUpdated(id, tenant, name, List.of(email), null, company,
                    tier, "en", "Europe/Berlin", null, SYSTEM, at), at);
            return this;
        }
    }

    protected Ticket ticketFor(String customerId, String subject) {
        return new Ticket(UUID.randomUUID().toString(), customerId).created(subject, "MEDIUM", distinctNow());
    }

    protected Ticket ticketAt(String customerId, String subject, Instant createdAt) {
        return new Ticket(UUID.randomUUID().toString(), customerId).created(subject, "MEDIUM", createdAt);
    }

    /** One ticket's events, each with the next sequence. */
    protected final class Ticket {

        public final String id;
        public final String customerId;
        public long sequence = -1;
        public Instant at;

        Ticket(String id, String customerId) {
            this.id = id;
            this.customerId = customerId;
        }

        public Ticket created(String subject, String priority, Instant createdAt) {
            at = createdAt;
            return send(new TicketCreated(id, tenant, Math.abs(id.hashCode()), subject, "details of " + subject,
                    customerId, priority, TicketStatus.OPEN, "email", "en", null, List.of(), Map.of(), null,
                    new Actor(customerId, "customer"), at));
        }

        public Ticket assigned(String agentId, String groupId, Instant when) {
            at = when;
            return send(new TicketAssigned(id, tenant, agentId, groupId, null, null, new Actor("tom", "team_lead"), at));
        }

        public Ticket status(TicketStatus from, TicketStatus to, Instant when) {
            at = when;
            return send(new TicketStatusChanged(id, tenant, from, to, null, "manual",
                    to == TicketStatus.RESOLVED ? "fixed" : null, new Actor("alex", "agent"), at));
        }

        public Ticket priority(String from, String to, Instant when) {
            at = when;
            return send(new TicketPriorityChanged(id, tenant, from, to, new Actor("tom", "team_lead"), at));
        }

        public Ticket message(String visibility, Actor by, Instant when) {
            at = when;
            return send(new TicketMessageAdded(id, tenant, UUID.randomUUID().toString(), "thread-1",
                    "public".equals(visibility) ? "external" : "internal", visibility, "a message", List.of(),
                    List.of(), by, at));
        }

        public Ticket rated(int score, Instant when) {
            at = when;
            return send(new TicketSatisfactionRated(id, tenant, "five_point", score, null,
                    new Actor(customerId, "customer"), at));
        }

        private Ticket send(PublishedEvent event) {
            publish(id, ++sequence, event, at);
            return this;
        }
    }

    /** Waits until the admin sees the ticket so (without refreshing the index). */
    protected JsonNode awaitTicket(String id, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/tickets/" + id, admin()),
                        r -> r.getStatusCode().value() == 200 && until.test(r.getBody()))
                .getBody();
    }

    /**
     * Waits until the admin sees the ticket at that version, i.e. every event sent for it is applied, then
     * refreshes the index so searches see it too without waiting for the next scheduled refresh.
     */
    protected void awaitVersion(TicketEvents ticket) {
        awaitTicket(ticket.id, t -> t.path("version").asLong() == ticket.sequence);
        refresh("tickets");
    }

    /** A new ticket of this tenant, written field by field; returns a builder of its later events. */
    protected TicketEvents ticket(String subject) {
        return new TicketEvents(UUID.randomUUID().toString()).created(subject, Map.of());
    }

    protected TicketEvents ticket(String subject, Map<String, Object> creation) {
        return new TicketEvents(UUID.randomUUID().toString()).created(subject, creation);
    }

    protected TicketEvents ticketAt(Instant createdAt, String subject, Map<String, Object> creation) {
        return new TicketEvents(UUID.randomUUID().toString()).at(createdAt).created(subject, creation);
    }

    /** One ticket's events as JSON fields, each with the next sequence, published on the real topic as ticket-service does. */
    protected final class TicketEvents {

        public final String id;
        public long sequence = -1;
        private Instant at = distinctNow();

        public TicketEvents(String id) {
            this.id = id;
        }

        public TicketEvents created(String subject, Map<String, Object> overrides) {
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
        public TicketEvents send(String type, Map<String, Object> fields) {
            ObjectNode data = json.createObjectNode().put("ticketId", id).put("tenantId", tenant);
            fields.forEach((field, value) -> data.set(field, json.valueToTree(value)));
            return send(type, data);
        }

        public TicketEvents at(Instant when) {
            this.at = when;
            return this;
        }

        private TicketEvents send(String type, ObjectNode data) {
            sequence++;
            data.put("at", at.toString());
            if (!data.has("by")) { // every ticket event names who caused it
                data.putObject("by").put("userId", "tom").put("role", "team_lead");
            }
            ObjectNode envelope = json.createObjectNode()
                    .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("type", type)
                    .put("source", EventStreams.TICKET_SERVICE_SOURCE).put("time", at.toString())
                    .put("subject", id).put("tenantId", tenant).put("sequence", sequence)
                    .put("datacontenttype", "application/json");
            envelope.set("data", data);
            publishRaw(EventStreams.TICKETS, id, envelope.toString());
            return this;
        }

        public TicketEvents assigned(String agentId, String groupId) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("agentId", agentId);
            fields.put("groupId", groupId);
            return send("autocrm.ticket.assigned.v1", fields);
        }

        public TicketEvents status(String to) {
            return send("autocrm.ticket.status_changed.v1", Map.of("from", "OPEN", "to", to));
        }

        public TicketEvents message(String visibility, String body, String role) {
            return send("autocrm.ticket.message_added.v1", Map.of("messageId", UUID.randomUUID().toString(),
                    "threadKind", "external", "visibility", visibility, "body", body,
                    "by", Map.of("userId", "someone", "role", role)));
        }
    }
}
