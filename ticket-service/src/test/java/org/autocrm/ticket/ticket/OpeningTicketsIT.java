package org.autocrm.ticket.ticket;

import org.autocrm.ticket.support.EventTopic;
import org.autocrm.ticket.support.TicketServiceIT;
import org.autocrm.access.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

@TicketServiceIT
class OpeningTicketsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private RestClient http;
    private EventTopic topic;
    private final String tenant = "tenant-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        topic = new EventTopic(EventStreams.TICKETS);
        sarah = customerOf(tenant);
    }

    private String sarah;

    /** Tickets always belong to a customer of their tenant. */
    private String customerOf(String tenantId) {
        ResponseEntity<JsonNode> created = http.post().uri("/api/customers")
                .header("X-AutoCRM-Tenant", tenantId)
                .header("X-AutoCRM-User", "maria")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"Sarah Chen\",\"emails\":[\"sarah@acme.example\"]}")
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return created.getBody().get("customerId").asText();
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void opensTicketStoresItsEventAndPublishesAValidEnvelopeKeyedByTicketId() throws Exception {
        ResponseEntity<JsonNode> response = post(tenant, """
                {"subject":"Cannot access dashboard","description":"Unable to log in","customerId":"%s","priority":"HIGH","channel":"phone"}
                """.formatted(sarah));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String id = response.getBody().get("ticketId").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/tickets/" + id);
        assertThat(response.getBody().get("number").asLong()).isEqualTo(1);
        assertThat(response.getBody().get("version").asLong()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, id)).isEqualTo(1);

        ConsumerRecord<String, String> record = topic.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("type").asText()).isEqualTo("autocrm.ticket.created.v1");
        assertThat(event.get("subject").asText()).isEqualTo(id);
        assertThat(event.get("tenantId").asText()).isEqualTo(tenant);
        assertThat(event.get("sequence").asLong()).isZero();
        assertThat(event.at("/data/subject").asText()).isEqualTo("Cannot access dashboard");
        assertThat(event.at("/data/priority").asText()).isEqualTo("HIGH");
        assertThat(event.at("/data/status").asText()).isEqualTo("OPEN");
        assertThat(event.at("/data/by/role").asText()).isEqualTo("agent");
        assertThat(new String(record.headers().lastHeader(EventStreams.TYPE_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("autocrm.ticket.created.v1");
        assertThat(new String(record.headers().lastHeader(EventStreams.ID_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(event.get("id").asText());
        assertValidAgainstContract(event);
    }

    @Test
    void aSignedAccessTokenNamesTheCallerAndABadOneIsRefused() throws Exception {
        ResponseEntity<JsonNode> created = http.post().uri("/api/tickets")
                .header("Authorization", "Bearer " + TestTokens.valid(tenant, "alex", "team_lead"))
                .header("X-AutoCRM-Tenant", "someone-elses-tenant")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"subject\":\"Signed\",\"customerId\":\"" + sarah + "\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("ticketId").asText();
        JsonNode event = json.readTree(topic.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(event.get("tenantId").asText()).isEqualTo(tenant);
        assertThat(event.at("/data/by/userId").asText()).isEqualTo("alex");
        assertThat(event.at("/data/by/role").asText()).isEqualTo("team_lead");

        int eventsBefore = storedEvents();
        String expired = TestTokens.token(tenant, "alex", "admin")
                .expiresAt(java.time.Instant.now().minusSeconds(60)).sign();
        ResponseEntity<JsonNode> refused = http.post().uri("/api/tickets")
                .header("Authorization", "Bearer " + expired)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"subject\":\"Signed\",\"customerId\":\"" + sarah + "\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText()).contains("expired");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void numbersTicketsPerTenantWithoutSharingCounters() {
        String otherTenant = "tenant-" + UUID.randomUUID();
        String valid = """
                {"subject":"Printer on fire","customerId":"%s"}
                """.formatted(sarah);

        long first = post(tenant, valid).getBody().get("number").asLong();
        long second = post(tenant, valid).getBody().get("number").asLong();
        String otherValid = valid.replace(sarah, customerOf(otherTenant));
        long otherFirst = post(otherTenant, otherValid).getBody().get("number").asLong();

        assertThat(List.of(first, second, otherFirst)).containsExactly(1L, 2L, 1L);
    }

    @Test
    void refusesTicketWithoutSubjectNamingTheFieldAndStoresNothing() {
        int eventsBefore = storedEvents();

        ResponseEntity<JsonNode> response = post(tenant, """
                {"subject":"","customerId":"%s","priority":"HIGH"}
                """.formatted(sarah));

        assertProblem(response, 400, "subject");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("select count(*) from ticket_number where tenant_id = ?", Integer.class, tenant))
                .isZero();
    }

    @Test
    void refusesUnknownPriorityNamingTheField() {
        int eventsBefore = storedEvents();

        ResponseEntity<JsonNode> response = post(tenant, """
                {"subject":"Help","customerId":"%s","priority":"CRITICAL"}
                """.formatted(sarah));

        assertProblem(response, 422, "priority");
        assertThat(response.getBody().get("detail").asText()).contains("LOW, MEDIUM, HIGH, URGENT");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void refusesUnknownChannelAndWrongTypesAndBrokenJson() {
        assertProblem(post(tenant, """
                {"subject":"Help","customerId":"%s","channel":"carrier-pigeon"}
                """.formatted(sarah)), 400, "channel");
        assertProblem(post(tenant, """
                {"subject":{"nested":true},"customerId":"%s"}
                """.formatted(sarah)), 400, "subject");
        ResponseEntity<JsonNode> broken = post(tenant, "{\"subject\": ");
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void ticketsOfRefusedRequestsNeverReachKafka() {
        post(tenant, """
                {"subject":"","customerId":"%s"}
                """.formatted(sarah));
        post(tenant, """
                {"subject":"Real one","customerId":"%s"}
                """.formatted(sarah));

        List<ConsumerRecord<String, String>> ofTenant = topic.drain(r -> r.value().contains(tenant), Duration.ofSeconds(3));

        assertThat(ofTenant).hasSize(1);
        assertThat(ofTenant.get(0).value()).contains("Real one");
    }

    private ResponseEntity<JsonNode> post(String tenantId, String body) {
        return http.post().uri("/api/tickets")
                .header("X-AutoCRM-Tenant", tenantId)
                .header("X-AutoCRM-User", "maria")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private int storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String field) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
        assertThat(response.getBody().get("detail").asText()).contains(field);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
    }

    private static void assertValidAgainstContract(JsonNode event) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig strict = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream envelope = EventTypes.class.getResourceAsStream(EventTypes.ENVELOPE_SCHEMA);
             InputStream data = EventTypes.class.getResourceAsStream(
                     EventTypes.schemaResource(event.get("type").asText()))) {
            assertThat(factory.getSchema(envelope, strict).validate(event)).isEmpty();
            assertThat(factory.getSchema(data, strict).validate(event.get("data"))).isEmpty();
        }
    }
}
