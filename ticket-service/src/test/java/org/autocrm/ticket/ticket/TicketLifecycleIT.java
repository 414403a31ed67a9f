package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventTypes;
import org.autocrm.events.EventStreams;
import org.autocrm.ticket.support.EventTopic;
import org.autocrm.ticket.support.TicketServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The ticket lifecycle on the real event store, PostgreSQL, MongoDB and Kafka: every kind of
 * change is stored, published and valid against its schema in the contract; every refusal
 * changes nothing.
 */
@TicketServiceIT
class TicketLifecycleIT {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private RestClient http;
    private EventTopic topic;
    private final String tenant = "tenant-" + UUID.randomUUID();
    private String sarah;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        topic = new EventTopic(EventStreams.TICKETS);
        sarah = call("admin", HttpMethod.POST, "/api/customers",
                "{\"name\":\"Sarah Chen\",\"emails\":[\"sarah@acme.example\"]}", 201).get("customerId").asText();
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void everyKindOfChangeIsStoredAndPublishedAsAValidEvent() throws Exception {
        String billing = call("admin", HttpMethod.POST, "/api/tickets/categories", "{\"name\":\"Billing\"}", 201)
                .get("categoryId").asText();
        call("admin", HttpMethod.POST, "/api/tickets/custom-fields",
                "{\"key\":\"plan\",\"label\":\"Plan\",\"type\":\"dropdown\",\"options\":[\"basic\",\"pro\"]}", 201);
        String ticket = open("Invoice shows the wrong VAT rate", "{\"plan\":\"pro\"}", billing);
        String duplicate = open("Wrong VAT on invoice", "{}", null);
        String path = "/api/tickets/" + ticket;

        call("team_lead", HttpMethod.PUT, path, """
                {"subject":"Invoice 2026-118 shows the wrong VAT rate","priority":"URGENT","tags":["billing","vat"],"customFields":{"plan":"basic"}}
                """, 200);
        call("agent", HttpMethod.POST, path + "/escalate", "{\"groupId\":\"finance\",\"reason\":\"Tax question\"}", 200);
        call("team_lead", HttpMethod.DELETE, path + "/assign", null, 200);
        call("agent", HttpMethod.POST, path + "/responses", "{\"body\":\"We are checking the rate.\"}", 201);
        JsonNode attached = upload(path, "invoice.png", MediaType.IMAGE_PNG, PNG, 201);
        call("agent", HttpMethod.POST, "/api/tickets/" + duplicate + "/responses",
                "{\"body\":\"Same problem, second mail\",\"visibility\":\"internal\"}", 201);
        assertThat(call("agent", HttpMethod.POST, "/api/tickets/" + duplicate + "/merge",
                "{\"targetTicketId\":\"no-such-ticket\"}", 422).get("code").asText()).isEqualTo("UNKNOWN_TICKET");
        call("agent", HttpMethod.POST, "/api/tickets/" + duplicate + "/merge",
                "{\"targetTicketId\":\"" + ticket + "\"}", 200);
        String other = open("Related: VAT for Austria", "{}", null);
        call("agent", HttpMethod.POST, path + "/links", "{\"ticketId\":\"" + other + "\"}", 200);
        call("agent", HttpMethod.PUT, path + "/status", "{\"status\":\"RESOLVED\",\"resolutionSummary\":\"Corrected to 7%\"}", 200);
        callAs(sarah, "customer", HttpMethod.POST, path + "/rating", "{\"scale\":\"five_point\",\"score\":5}", 200);

        JsonNode asNow = call("agent", HttpMethod.GET, path + "/as-of/" + java.time.Instant.now(), null, 200);
        assertThat(asNow.get("priority").asText()).isEqualTo("URGENT");
        assertThat(asNow.get("tags").toString()).isEqualTo("[\"billing\",\"vat\"]");
        assertThat(asNow.at("/customFields/plan").asText()).isEqualTo("basic");
        assertThat(asNow.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(asNow.get("groupId").isNull()).isTrue();
        assertThat(asNow.get("messages").findValuesAsText("body")).contains("Same problem, second mail");
        assertThat(asNow.at("/attachments/0/sha256").asText()).isEqualTo(attached.get("sha256").asText());
        assertThat(asNow.get("linkedTickets").get(0).asText()).isEqualTo(other);
        assertThat(asNow.at("/satisfaction/score").asInt()).isEqualTo(5);
        assertThat(call("agent", HttpMethod.GET, "/api/tickets/" + duplicate + "/as-of/" + java.time.Instant.now(),
                null, 200).get("mergedInto").asText()).isEqualTo(ticket);
        assertThat(call("agent", HttpMethod.GET, "/api/tickets/" + other + "/as-of/" + java.time.Instant.now(),
                null, 200).get("linkedTickets").get(0).asText()).isEqualTo(ticket);

        Set<String> types = new HashSet<>();
        for (ConsumerRecord<String, String> record : topic.await(r -> r.value().contains(tenant), 20, Duration.ofSeconds(60))) {
            JsonNode event = json.readTree(record.value());
            assertValidAgainstContract(event);
            types.add(event.get("type").asText());
        }
        assertThat(types).contains("autocrm.ticket.created.v1", "autocrm.ticket.details_changed.v1",
                "autocrm.ticket.priority_changed.v1", "autocrm.ticket.tags_changed.v1",
                "autocrm.ticket.custom_field_changed.v1", "autocrm.ticket.escalated.v1", "autocrm.ticket.assigned.v1",
                "autocrm.ticket.unassigned.v1", "autocrm.ticket.message_added.v1", "autocrm.ticket.attachment_added.v1",
                "autocrm.ticket.merged.v1", "autocrm.ticket.merge_received.v1", "autocrm.ticket.linked.v1",
                "autocrm.ticket.status_changed.v1", "autocrm.ticket.satisfaction_rated.v1");
    }

    @Test
    void attachmentsAreStoredOnceAndReadBackAndDisguisedOrOversizedFilesAreRefused() throws Exception {
        String path = "/api/tickets/" + open("Screenshots", "{}", null);
        JsonNode first = upload(path, "screen.png", MediaType.IMAGE_PNG, PNG, 201);
        JsonNode again = upload(path, "same-screen.png", MediaType.IMAGE_PNG, PNG, 201);
        // a new attachment with its own name, on the bytes stored the first time
        assertThat(again.get("attachmentId").asText()).isNotEqualTo(first.get("attachmentId").asText());
        assertThat(again.get("sha256").asText()).isEqualTo(first.get("sha256").asText());

        ResponseEntity<byte[]> download = http.get().uri(path + "/attachments/" + first.get("attachmentId").asText())
                .header("X-AutoCRM-Tenant", tenant).retrieve().toEntity(byte[].class);
        assertThat(download.getBody()).isEqualTo(PNG);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);

        int eventsBefore = storedEvents(path);
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        assertThat(upload(path, "invoice.pdf", MediaType.APPLICATION_PDF, program, 415).get("detail").asText())
                .contains("invoice.pdf");
        byte[] big = new byte[1024 * 1024 + 10];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(upload(path, "huge.png", MediaType.IMAGE_PNG, big, 413).get("detail").asText())
                .contains("accepts files up to 1 MB");
        assertThat(storedEvents(path)).isEqualTo(eventsBefore);
    }

    @Test
    void aRetriedOpeningWithTheSameIdempotencyKeyOpensOneTicket() throws Exception {
        String body = "{\"subject\":\"Printer on fire\",\"customerId\":\"" + sarah + "\"}";
        List<Callable<ResponseEntity<JsonNode>>> retries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            retries.add(() -> http.post().uri("/api/tickets").header("X-AutoCRM-Tenant", tenant)
                    .header("Idempotency-Key", "order-42").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toEntity(JsonNode.class));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Set<String> ids = new HashSet<>();
        try {
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(retries)) {
                assertThat(result.get().getStatusCode().value()).isEqualTo(201);
                ids.add(result.get().getBody().get("ticketId").asText());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ids).hasSize(1);
        assertThat(jdbc.queryForObject("select last_number from ticket_number where tenant_id = ?", Long.class, tenant))
                .isEqualTo(1);

        ResponseEntity<JsonNode> different = http.post().uri("/api/tickets").header("X-AutoCRM-Tenant", tenant)
                .header("Idempotency-Key", "order-42").contentType(MediaType.APPLICATION_JSON)
                .body(body.replace("Printer", "Scanner")).retrieve().toEntity(JsonNode.class);
        assertThat(different.getStatusCode().value()).isEqualTo(422);
        assertThat(different.getBody().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void twoAgentsWithTheSameVersionDoNotOverwriteEachOther() {
        String path = "/api/tickets/" + open("Race", "{}", null);

        ResponseEntity<JsonNode> first = write(path + "/status", "\"0\"", "{\"status\":\"IN_PROGRESS\"}");
        ResponseEntity<JsonNode> second = write(path + "/status", "\"0\"", "{\"status\":\"ON_HOLD\"}");

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(call("agent", HttpMethod.GET, path + "/as-of/" + java.time.Instant.now(), null, 200)
                .get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aClosedTicketContinuesInAFollowUpTicket() {
        String first = open("Cannot log in", "{}", null);
        String followUpOfOpen = "{\"subject\":\"Again\",\"customerId\":\"" + sarah + "\",\"followUpOf\":\"" + first + "\"}";
        assertThat(call("agent", HttpMethod.POST, "/api/tickets", followUpOfOpen, 422).get("code").asText())
                .isEqualTo("NOT_CLOSED_YET");
        call("admin", HttpMethod.PUT, "/api/tickets/" + first + "/status", "{\"status\":\"CLOSED\"}", 200);
        call("agent", HttpMethod.POST, "/api/tickets/" + first + "/responses", "{\"body\":\"hello?\"}", 409);

        String followUp = call("agent", HttpMethod.POST, "/api/tickets", followUpOfOpen, 201).get("ticketId").asText();

        assertThat(followUp).isNotEqualTo(first);
        assertThat(call("agent", HttpMethod.GET, "/api/tickets/" + followUp + "/history", null, 200)
                .at("/events/0/data/followUpOf").asText()).isEqualTo(first);
    }

    @Test
    void customersSeeOnlyTheirOwnTicketsAndPublicMessages() {
        String path = "/api/tickets/" + open("Private", "{}", null);
        call("agent", HttpMethod.POST, path + "/responses", "{\"body\":\"internal only\",\"visibility\":\"internal\"}", 201);
        call("agent", HttpMethod.POST, path + "/responses", "{\"body\":\"Hello Sarah\"}", 201);

        call("admin", HttpMethod.POST, "/api/tickets/custom-fields",
                "{\"key\":\"churn_risk\",\"label\":\"Churn risk\",\"type\":\"checkbox\",\"visibleToCustomers\":false}", 201);
        call("agent", HttpMethod.PUT, path, "{\"customFields\":{\"churn_risk\":true}}", 200);

        JsonNode hers = callAs(sarah, "customer", HttpMethod.GET, path + "/history", null, 200);
        assertThat(hers.toString()).contains("Hello Sarah").doesNotContain("internal only").doesNotContain("churn_risk");
        assertThat(callAs(sarah, "customer", HttpMethod.GET, path + "/as-of/" + java.time.Instant.now(), null, 200)
                .get("customFields").has("churn_risk")).isFalse();
        assertThat(call("agent", HttpMethod.GET, path + "/as-of/" + java.time.Instant.now(), null, 200)
                .at("/customFields/churn_risk").asBoolean()).isTrue();
        callAs("someone-else", "customer", HttpMethod.GET, path + "/history", null, 404);
        callAs("someone-else", "customer", HttpMethod.POST, path + "/responses", "{\"body\":\"hi\"}", 404);
    }

    @Test
    void aFileAttachedToAnInternalNoteIsNeitherListedNorServedToTheCustomer() {
        String path = "/api/tickets/" + open("Refund for order 4711", "{}", null);
        String note = call("agent", HttpMethod.POST, path + "/responses",
                "{\"body\":\"Scan of the card statement\",\"visibility\":\"internal\"}", 201).get("messageId").asText();
        String internal = upload(path, "?messageId=" + note, "statement.png", MediaType.IMAGE_PNG, PNG, 201)
                .get("attachmentId").asText();
        String reply = call("agent", HttpMethod.POST, path + "/responses", "{\"body\":\"Refund is on its way\"}", 201)
                .get("messageId").asText();
        String shared = upload(path, "?messageId=" + reply, "receipt.png", MediaType.IMAGE_PNG,
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1}, 201)
                .get("attachmentId").asText();

        JsonNode seenByCustomer = callAs(sarah, "customer", HttpMethod.GET, path + "/as-of/" + java.time.Instant.now(), null, 200);
        assertThat(seenByCustomer.get("attachments").findValuesAsText("attachmentId")).containsExactly(shared);
        callAs(sarah, "customer", HttpMethod.GET, path + "/attachments/" + internal, null, 404);
        assertThat(call("agent", HttpMethod.GET, path + "/as-of/" + java.time.Instant.now(), null, 200)
                .get("attachments").findValuesAsText("attachmentId")).containsExactlyInAnyOrder(internal, shared);
    }

    private String open(String subject, String customFields, String categoryId) {
        String category = categoryId == null ? "" : ",\"categoryId\":\"" + categoryId + "\"";
        return call("agent", HttpMethod.POST, "/api/tickets", """
                {"subject":"%s","customerId":"%s","priority":"HIGH","customFields":%s%s}
                """.formatted(subject, sarah, customFields, category), 201).get("ticketId").asText();
    }

    private JsonNode call(String role, HttpMethod method, String path, String body, int status) {
        return callAs(role.equals("customer") ? sarah : role + "-user", role, method, path, body, status);
    }

    private JsonNode callAs(String user, String role, HttpMethod method, String path, String body, int status) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .header("X-AutoCRM-Tenant", tenant).header("X-AutoCRM-User", user).header("X-AutoCRM-Role", role)
                .contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.body(body);
        }
        ResponseEntity<JsonNode> response = request.retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(method + " " + path + " -> " + response.getBody()).isEqualTo(status);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> write(String path, String ifMatch, String body) {
        return http.put().uri(path).header("X-AutoCRM-Tenant", tenant).header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private JsonNode upload(String ticketPath, String fileName, MediaType type, byte[] bytes, int status) {
        return upload(ticketPath, "", fileName, type, bytes, status);
    }

    private JsonNode upload(String ticketPath, String query, String fileName, MediaType type, byte[] bytes, int status) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(type);
        form.add("file", new org.springframework.http.HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        ResponseEntity<JsonNode> response = http.post().uri(ticketPath + "/attachments" + query)
                .header("X-AutoCRM-Tenant", tenant).header("X-AutoCRM-User", "maria")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        return response.getBody();
    }

    private int storedEvents(String ticketPath) {
        String id = ticketPath.substring(ticketPath.lastIndexOf('/') + 1);
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, id);
    }

    private static void assertValidAgainstContract(JsonNode event) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig strict = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream envelope = EventTypes.class.getResourceAsStream(EventTypes.ENVELOPE_SCHEMA);
             InputStream data = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(event.get("type").asText()))) {
            assertThat(factory.getSchema(envelope, strict).validate(event)).as(event.toString()).isEmpty();
            assertThat(factory.getSchema(data, strict).validate(event.get("data"))).as(event.toString()).isEmpty();
        }
    }
}
