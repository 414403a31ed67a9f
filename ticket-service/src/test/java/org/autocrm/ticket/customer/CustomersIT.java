package org.autocrm.ticket.customer;

import org.autocrm.ticket.support.EventTopic;
import org.autocrm.ticket.support.TicketServiceIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.ticket.ticket.CustomerDirectory;
import org.autocrm.ticket.ticket.CustomerDirectory.CustomerSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Runs ticket-service on the shared PostgreSQL and Kafka; every test works in a tenant of its own.
 * The context is closed afterwards: another cached context would run a second kafka-publisher
 * processor on the same token and could publish events twice while the two hand the claim over.
 */
@TicketServiceIT
class CustomersIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CustomerDirectory directory;

    private RestClient http;
    private EventTopic topic;
    private final String tenant = "tenant-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        topic = new EventTopic(EventStreams.CUSTOMERS);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void createsCustomerAndPublishesAValidEnvelopeKeyedByCustomerId() throws Exception {
        ResponseEntity<JsonNode> response = create(tenant, "agent", """
                {"name":" Anna Schmidt ","emails":["Anna.Schmidt@Example.com","anna@home.example"],
                 "phone":"+49 30 1234567","company":"Example GmbH","tier":"gold","language":"de-ch",
                 "timeZone":"Europe/Berlin","externalId":"crm-42"}
                """);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String id = response.getBody().get("customerId").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/customers/" + id);
        assertThat(response.getBody().get("version").asLong()).isZero();
        assertThat(response.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, id)).isEqualTo(1);

        ConsumerRecord<String, String> record = topic.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("type").asText()).isEqualTo("autocrm.customer.created.v1");
        assertThat(event.get("source").asText()).isEqualTo(EventStreams.TICKET_SERVICE_SOURCE);
        assertThat(event.get("subject").asText()).isEqualTo(id);
        assertThat(event.get("tenantId").asText()).isEqualTo(tenant);
        assertThat(event.get("sequence").asLong()).isZero();
        assertThat(event.at("/data/customerId").asText()).isEqualTo(id);
        assertThat(event.at("/data/name").asText()).isEqualTo("Anna Schmidt");
        assertThat(event.at("/data/emails").toString()).isEqualTo("[\"anna.schmidt@example.com\",\"anna@home.example\"]");
        assertThat(event.at("/data/phone").asText()).isEqualTo("+49 30 1234567");
        assertThat(event.at("/data/company").asText()).isEqualTo("Example GmbH");
        assertThat(event.at("/data/tier").asText()).isEqualTo("gold");
        assertThat(event.at("/data/language").asText()).isEqualTo("de-CH");
        assertThat(event.at("/data/timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(event.at("/data/externalId").asText()).isEqualTo("crm-42");
        assertThat(event.at("/data/by/userId").asText()).isEqualTo("maria");
        assertThat(event.at("/data/by/role").asText()).isEqualTo("agent");
        assertThat(event.at("/data/at").asText()).isNotBlank();
        assertThat(header(record, EventStreams.TYPE_HEADER)).isEqualTo("autocrm.customer.created.v1");
        assertThat(header(record, EventStreams.ID_HEADER)).isEqualTo(event.get("id").asText());
        assertValidEnvelope(event);

        assertThat(directory.find(tenant, id)).contains(new CustomerSummary(id, "Anna Schmidt",
                "anna.schmidt@example.com", "Example GmbH", "de-CH"));
        JsonNode read = get(tenant, id).getBody();
        assertThat(read.get("emails").toString()).isEqualTo("[\"anna.schmidt@example.com\",\"anna@home.example\"]");
        assertThat(read.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.get("version").asLong()).isZero();
    }

    @Test
    void createsCustomerWithoutAnyEmail() {
        ResponseEntity<JsonNode> response = create(tenant, "admin", """
                {"name":"Walk-in customer"}
                """);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode read = get(tenant, response.getBody().get("customerId").asText()).getBody();
        assertThat(read.get("emails")).isEmpty();
    }

    @Test
    void refusesEmailAnotherCustomerOfTheTenantHasAndStoresNothing() {
        String anna = customerId(create(tenant, "agent", """
                {"name":"Anna","emails":["anna@example.com"]}
                """));
        int eventsBefore = storedEvents();

        ResponseEntity<JsonNode> response = create(tenant, "agent", """
                {"name":"Impostor","emails":["fresh@example.com","anna@example.com"]}
                """);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("code").asText()).isEqualTo("CUSTOMER_EMAIL_TAKEN");
        assertThat(response.getBody().get("email").asText()).isEqualTo("anna@example.com");
        assertThat(response.getBody().get("existingCustomerId").asText()).isEqualTo(anna);
        assertThat(response.getBody().get("detail").asText()).contains("anna@example.com", anna);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(customersOf(tenant)).isEqualTo(1);
        assertThat(jdbc.queryForList("select email from customer_email where tenant_id = ?", String.class, tenant))
                .containsExactly("anna@example.com");
        assertThat(directory.findByEmail(tenant, "fresh@example.com")).isEmpty();
    }

    @Test
    void acceptsTheSameEmailInAnotherTenant() {
        String otherTenant = "tenant-" + UUID.randomUUID();
        String here = customerId(create(tenant, "agent", """
                {"name":"Anna","emails":["anna@example.com"]}
                """));

        ResponseEntity<JsonNode> there = create(otherTenant, "agent", """
                {"name":"Anna elsewhere","emails":["anna@example.com"]}
                """);

        assertThat(there.getStatusCode().value()).isEqualTo(201);
        assertThat(directory.findByEmail(tenant, "anna@example.com")).map(CustomerSummary::customerId).contains(here);
        assertThat(directory.findByEmail(otherTenant, "anna@example.com")).map(CustomerSummary::customerId)
                .contains(customerId(there));
    }

    @Test
    void comparesEmailsWithoutRegardToCase() {
        String anna = customerId(create(tenant, "agent", """
                {"name":"Anna","emails":["Anna@Example.com"]}
                """));

        ResponseEntity<JsonNode> response = create(tenant, "agent", """
                {"name":"Anna again","emails":["ANNA@example.COM"]}
                """);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("existingCustomerId").asText()).isEqualTo(anna);
        assertThat(directory.findByEmail(tenant, "aNNa@EXAMPLE.com")).map(CustomerSummary::customerId).contains(anna);
    }

    @Test
    void updateReplacesTheProfileAndFreesTheEmailsItDrops() throws Exception {
        String anna = customerId(create(tenant, "agent", """
                {"name":"Anna","emails":["old@example.com"],"tier":"gold"}
                """));

        ResponseEntity<JsonNode> updated = replace(tenant, "team_lead", anna, null, """
                {"name":"Anna Meier","emails":["new@example.com"],"language":"fr-CH"}
                """);

        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody().get("customerId").asText()).isEqualTo(anna);
        assertThat(updated.getBody().get("version").asLong()).isEqualTo(1);
        assertThat(updated.getHeaders().getETag()).isEqualTo("\"1\"");
        JsonNode read = get(tenant, anna).getBody();
        assertThat(read.get("name").asText()).isEqualTo("Anna Meier");
        assertThat(read.get("tier").isNull()).as("full replacement clears omitted fields").isTrue();
        assertThat(directory.findByEmail(tenant, "old@example.com")).isEmpty();

        ResponseEntity<JsonNode> bob = create(tenant, "agent", """
                {"name":"Bob","emails":["old@example.com"]}
                """);
        assertThat(bob.getStatusCode().value()).isEqualTo(201);
        assertThat(create(tenant, "agent", """
                {"name":"Carla","emails":["new@example.com"]}
                """).getStatusCode().value()).isEqualTo(409);

        List<ConsumerRecord<String, String>> events = topic.await(r -> anna.equals(r.key()), 2, Duration.ofSeconds(30));
        JsonNode event = json.readTree(events.get(1).value());
        assertThat(event.get("type").asText()).isEqualTo("autocrm.customer.updated.v1");
        assertThat(event.get("sequence").asLong()).isEqualTo(1);
        assertThat(event.at("/data/emails").toString()).isEqualTo("[\"new@example.com\"]");
        assertThat(event.at("/data/by/role").asText()).isEqualTo("team_lead");
        assertValidEnvelope(event);
    }

    @Test
    void refusesInvalidFieldsNamingThem() {
        int eventsBefore = storedEvents();

        assertProblem(create(tenant, "agent", """
                {"name":"Anna","emails":["anna(at)example.com"]}
                """), 400, "emails");
        assertProblem(create(tenant, "agent", """
                {"name":"Anna","timeZone":"Mars/Olympus_Mons"}
                """), 400, "timeZone");
        assertProblem(create(tenant, "agent", """
                {"name":"Anna","language":"klingon_KL"}
                """), 400, "language");
        assertProblem(create(tenant, "agent", """
                {"emails":["anna@example.com"]}
                """), 400, "name");
        assertProblem(create(tenant, "agent", """
                {"name":"  "}
                """), 400, "name");
        assertProblem(create(tenant, "agent", """
                {"name":"Anna","emails":"anna@example.com"}
                """), 400, "emails");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(customersOf(tenant)).isZero();
    }

    @Test
    void refusesUpdateAgainstAStaleVersionReportingTheCurrentOne() {
        String anna = customerId(create(tenant, "agent", """
                {"name":"Anna"}
                """));
        assertThat(replace(tenant, "agent", anna, "\"0\"", """
                {"name":"Anna B"}
                """).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> stale = replace(tenant, "agent", anna, "\"0\"", """
                {"name":"Anna C","emails":["anna@example.com"]}
                """);

        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.getBody().get("code").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.getBody().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.getBody().get("expectedVersion").asLong()).isZero();
        assertThat(get(tenant, anna).getBody().get("name").asText()).isEqualTo("Anna B");
        assertThat(directory.findByEmail(tenant, "anna@example.com")).isEmpty();

        ResponseEntity<JsonNode> current = replace(tenant, "agent", anna, "1", """
                {"name":"Anna C"}
                """);
        assertThat(current.getStatusCode().value()).isEqualTo(200);
        assertThat(current.getBody().get("version").asLong()).isEqualTo(2);
        assertProblem(replace(tenant, "agent", anna, "yesterday", """
                {"name":"Anna D"}
                """), 400, HttpHeaders.IF_MATCH);
    }

    @Test
    void refusesCustomersCreatingOrEditingCustomers() {
        String anna = customerId(create(tenant, "agent", """
                {"name":"Anna"}
                """));
        int eventsBefore = storedEvents();

        ResponseEntity<JsonNode> creating = create(tenant, "customer", """
                {"name":"Mallory","emails":["mallory@example.com"]}
                """);
        ResponseEntity<JsonNode> editing = replace(tenant, "customer", anna, null, """
                {"name":"Mallory"}
                """);

        for (ResponseEntity<JsonNode> response : List.of(creating, editing)) {
            assertThat(response.getStatusCode().value()).isEqualTo(403);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("code").asText()).isEqualTo("CUSTOMER_EDIT_FORBIDDEN");
        }
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(directory.findByEmail(tenant, "mallory@example.com")).isEmpty();
    }

    @Test
    void answersNotFoundForUnknownIdsAndOtherTenantsCustomers() {
        String otherTenant = "tenant-" + UUID.randomUUID();
        String theirs = customerId(create(otherTenant, "agent", """
                {"name":"Not yours","emails":["theirs@example.com"]}
                """));
        String mine = customerId(create(tenant, "agent", """
                {"name":"Has a ticket","emails":["mine@example.com"]}
                """));
        String ticket = http.post().uri("/api/tickets").header("X-AutoCRM-Tenant", tenant)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"subject":"Not a customer","customerId":"%s"}
                        """.formatted(mine)).retrieve().body(JsonNode.class).get("ticketId").asText();
        String body = """
                {"name":"Overwritten"}
                """;

        for (String id : List.of(UUID.randomUUID().toString(), theirs, ticket)) {
            assertNotFound(replace(tenant, "agent", id, null, body));
            assertNotFound(replace(tenant, "agent", id, "\"0\"", body));
            assertNotFound(get(tenant, id));
        }
        assertThat(get(otherTenant, theirs).getBody().get("name").asText()).isEqualTo("Not yours");
    }

    @Test
    void letsOnlyOneOfManyConcurrentRequestsClaimAnEmail() throws Exception {
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String body = "{\"name\":\"Racer " + i + "\",\"emails\":[\"race@example.com\"]}";
                calls.add(() -> create(tenant, "agent", body).getStatusCode().value());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(customersOf(tenant)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private ResponseEntity<JsonNode> create(String tenantId, String role, String body) {
        return http.post().uri("/api/customers")
                .header("X-AutoCRM-Tenant", tenantId)
                .header("X-AutoCRM-User", "maria")
                .header("X-AutoCRM-Role", role)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> replace(String tenantId, String role, String id, String ifMatch, String body) {
        return http.put().uri("/api/customers/{id}", id)
                .header("X-AutoCRM-Tenant", tenantId)
                .header("X-AutoCRM-User", "maria")
                .header("X-AutoCRM-Role", role)
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String tenantId, String id) {
        return http.get().uri("/api/customers/{id}", id)
                .header("X-AutoCRM-Tenant", tenantId)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private static String customerId(ResponseEntity<JsonNode> created) {
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return created.getBody().get("customerId").asText();
    }

    private int storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
    }

    private int customersOf(String tenantId) {
        return jdbc.queryForObject("select count(*) from customer where tenant_id = ?", Integer.class, tenantId);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void assertNotFound(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("code").asText()).isEqualTo("CUSTOMER_NOT_FOUND");
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String field) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
        assertThat(response.getBody().get("detail").asText()).contains(field);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
    }

    /**
     * The envelope is checked against the contract's schema. This branch of the contract has no
     * schema for the customer payloads yet, so {@code data} is checked field by field above.
     */
    private static void assertValidEnvelope(JsonNode event) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig strict = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream envelope = EventTypes.class.getResourceAsStream(EventTypes.ENVELOPE_SCHEMA)) {
            assertThat(factory.getSchema(envelope, strict).validate(event)).isEmpty();
        }
    }
}
