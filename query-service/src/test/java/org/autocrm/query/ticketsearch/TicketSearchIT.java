package org.autocrm.query.ticketsearch;

import org.autocrm.query.EventStreamIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.autocrm.events.Actor;
import org.autocrm.events.EventEnvelope;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.TicketStatus;
import org.autocrm.infrastructure.Infrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Ticket events published on the real topic become readable tickets, once each, per tenant. */
class TicketSearchIT extends EventStreamIntegration {

    private RestClient http;
    private KafkaProducer<String, String> producer;

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
    void createdTicketCanBeReadByIdAndIsListedNewestFirst() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String older = publishCreated(tenant, 1, "Printer jammed", now.minusSeconds(60));
        String newer = publishCreated(tenant, 2, "Cannot access dashboard", now);

        JsonNode ticket = awaitTicket(tenant, newer);
        assertThat(ticket.get("number").asLong()).isEqualTo(2);
        assertThat(ticket.get("subject").asText()).isEqualTo("Cannot access dashboard");
        assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
        assertThat(ticket.get("priority").asText()).isEqualTo("HIGH");
        assertThat(ticket.get("createdBy").get("userId").asText()).isEqualTo("maria");
        assertThat(Instant.parse(ticket.get("createdAt").asText())).isEqualTo(now);
        assertThat(ticket.get("version").asLong()).isZero();
        awaitTicket(tenant, older);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode page = get("/api/tickets", tenant).getBody();
            assertThat(page.get("total").asLong()).isEqualTo(2);
            assertThat(page.get("items").findValuesAsText("ticketId")).containsExactly(newer, older);
        });
    }

    @Test
    void redeliveredEventsDoNotDuplicateOrOverwriteTickets() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant createdAt = Instant.now();
        send(envelope(id, tenant, 7, "Original subject", createdAt, "event-1"));
        awaitTicket(tenant, id);
        // the same event again, and a forged replay of sequence 0 with other content
        send(envelope(id, tenant, 7, "Original subject", createdAt, "event-1"));
        send(envelope(id, tenant, 7, "Replayed with other content", createdAt, "event-2"));
        String marker = publishCreated(tenant, 8, "Sent after the duplicates", createdAt);
        awaitTicket(tenant, marker);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/tickets", tenant).getBody().get("total").asLong()).isEqualTo(2));
        assertThat(get("/api/tickets/" + id, tenant).getBody().get("subject").asText()).isEqualTo("Original subject");
    }

    @Test
    void laterEventsChangeTheTicketOnceEachAndInOrder() throws Exception {
        String id = publishCreated(tenant, 4, "Cannot access dashboard", Instant.now());
        sendRaw(id, 1, "autocrm.ticket.assigned.v1", "{\"agentId\":\"alex\",\"groupId\":null}");
        sendRaw(id, 2, "autocrm.ticket.status_changed.v1", "{\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\"}");
        sendRaw(id, 3, "autocrm.ticket.message_added.v1",
                "{\"visibility\":\"public\",\"by\":{\"userId\":\"alex\",\"role\":\"agent\"}}");
        sendRaw(id, 2, "autocrm.ticket.status_changed.v1", "{\"from\":\"OPEN\",\"to\":\"PENDING\"}");
        sendRaw(id, 4, "autocrm.ticket.tags_changed.v1", "{\"tags\":[\"login\",\"vip\"]}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ticket = get("/api/tickets/" + id, tenant).getBody();
            assertThat(ticket.get("version").asLong()).isEqualTo(4);
            assertThat(ticket.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(ticket.get("agentId").asText()).isEqualTo("alex");
            assertThat(ticket.get("publicMessages").asInt()).isEqualTo(1);
            assertThat(ticket.get("firstResponseAt").isNull()).isFalse();
            assertThat(ticket.get("tags").toString()).isEqualTo("[\"login\",\"vip\"]");
        });
    }

    @Test
    void anotherTenantsTicketIsNotFoundAndNotListed() throws Exception {
        String id = publishCreated(tenant, 1, "Private matter", Instant.now());
        awaitTicket(tenant, id);
        String otherTenant = "tenant-" + UUID.randomUUID();

        ResponseEntity<JsonNode> response = get("/api/tickets/" + id, otherTenant);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/tickets", otherTenant).getBody().get("total").asLong()).isZero();
    }

    @Test
    void unknownTicketAndBadPagingAreProblems() {
        ResponseEntity<JsonNode> missing = get("/api/tickets/" + UUID.randomUUID(), tenant);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody().get("detail").asText()).startsWith("There is no ticket");

        ResponseEntity<JsonNode> tooBig = get("/api/tickets?size=1000", tenant);
        assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
        assertThat(tooBig.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooBig.getBody().get("detail").asText()).contains("size");
    }

    @Test
    void unreadableAndUnknownEventsAreSkippedWithoutStoppingConsumption() throws Exception {
        String id = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(EventStreams.TICKETS, id, "this is not json")).get();
        producer.send(new ProducerRecord<>(EventStreams.TICKETS, id, """
                {"specversion":"1.0","id":"x","type":"autocrm.ticket.teleported.v9","subject":"%s","tenantId":"%s","sequence":1,"data":{}}
                """.formatted(id, tenant))).get();
        String after = publishCreated(tenant, 3, "Still flowing", Instant.now());

        awaitTicket(tenant, after);
    }

    private void sendRaw(String id, long sequence, String type, String data) throws Exception {
        String at = Instant.now().toString();
        String dataWithTime = data.substring(0, data.length() - 1) + ",\"at\":\"" + at + "\"}";
        producer.send(new ProducerRecord<>(EventStreams.TICKETS, id, """
                {"specversion":"1.0","id":"%s","type":"%s","source":"/test","time":"%s","subject":"%s","tenantId":"%s","sequence":%d,"datacontenttype":"application/json","data":%s}
                """.formatted(UUID.randomUUID(), type, at, id, tenant, sequence, dataWithTime))).get();
    }

    private String publishCreated(String tenantId, long number, String subject, Instant at) throws Exception {
        String id = UUID.randomUUID().toString();
        send(envelope(id, tenantId, number, subject, at, UUID.randomUUID().toString()));
        return id;
    }

    private EventEnvelope<TicketCreated> envelope(String id, String tenantId, long number, String subject, Instant at,
                                                  String eventId) {
        TicketCreated created = new TicketCreated(id, tenantId, number, subject, "details", "sarah", "HIGH",
                TicketStatus.OPEN, "phone", "en", null, List.of(), Map.of(), null, new Actor("maria", "agent"), at);
        return new EventEnvelope<>(EventEnvelope.SPEC_VERSION, eventId, EventTypes.typeOf(TicketCreated.class),
                EventStreams.TICKET_SERVICE_SOURCE, at, id, tenantId, 0, EventEnvelope.CONTENT_TYPE, created);
    }

    private void send(EventEnvelope<?> envelope) throws Exception {
        producer.send(new ProducerRecord<>(EventStreams.TICKETS, envelope.subject(), json.writeValueAsString(envelope)))
                .get();
    }

    private JsonNode awaitTicket(String tenantId, String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/tickets/" + id, tenantId), r -> r.getStatusCode().value() == 200)
                .getBody();
    }

    private ResponseEntity<JsonNode> get(String path, String tenantId) {
        return http.get().uri(path).header("X-AutoCRM-Tenant", tenantId).header("X-AutoCRM-Role", "admin")
                .retrieve().toEntity(JsonNode.class);
    }
}
