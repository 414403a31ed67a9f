package org.autocrm.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.autocrm.ticket.support.TicketServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Hostile input through HTTP on the real service: a NUL never reaches PostgreSQL (a 400 naming the field, nothing
 * stored), uploaded file names are sanitised, the same bytes uploaded under a new name are a new attachment with
 * that name, parameters of the wrong type or given twice are named in words, and health is UP when the service
 * works.
 */
@TicketServiceIT
class HostileInputIT {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final String NUL = "\\u0000";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;

    private RestClient http;
    private final String tenant = "tenant-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void aNulInStoredTextIsRefusedNamingTheFieldAndNothingIsStored() {
        assertRefused(call(HttpMethod.POST, "/api/customers", "{\"name\":\"Sarah" + NUL + "Chen\"}"), "name");
        assertRefused(call(HttpMethod.POST, "/api/customers",
                "{\"name\":\"Sarah Chen\",\"emails\":[\"sarah@acme.example\",\"s" + NUL + "@acme.example\"]}"),
                "emails[1]");
        assertThat(rows("customer")).isZero();

        assertRefused(call(HttpMethod.POST, "/api/tickets/categories", "{\"name\":\"Bill" + NUL + "ing\"}"), "name");
        assertThat(rows("ticket_category")).isZero();

        assertRefused(call(HttpMethod.POST, "/api/tickets/canned-responses",
                "{\"title\":\"Hello" + NUL + "\",\"body\":\"Hi {{customer.name}}\"}"), "title");
        assertThat(rows("ticket_canned_response")).isZero();
    }

    @Test
    void aNulInALinksTicketIdInTheBodyOrThePathIsRefusedAndNothingIsStored() {
        String ticket = openTicket();
        int events = events(ticket);

        assertRefused(call(HttpMethod.POST, "/api/tickets/" + ticket + "/links", "{\"ticketId\":\"x" + NUL + "\"}"),
                "ticketId");
        ResponseEntity<JsonNode> nulInPath = exchange(HttpMethod.POST,
                URI.create("http://localhost:" + port + "/api/tickets/%00" + ticket + "/links"),
                "{\"ticketId\":\"" + ticket + "\"}");
        assertThat(nulInPath.getStatusCode().value()).isEqualTo(400);
        assertThat(nulInPath.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertRefused(exchange(HttpMethod.POST,
                URI.create("http://localhost:" + port + "/api/tickets/" + ticket + "%01/links"),
                "{\"ticketId\":\"" + ticket + "\"}"), "id");

        assertThat(events(ticket)).isEqualTo(events);
    }

    @Test
    void uploadedFileNamesAreStoredAndShownAsTheirSanitisedBaseName() {
        String ticket = openTicket();
        String path = "/api/tickets/" + ticket;

        JsonNode climbing = upload(path, "../../../etc/passwd.png", PNG);
        assertThat(climbing.get("fileName").asText()).isEqualTo("passwd.png");
        JsonNode windows = upload(path, "C:\\Users\\maria\\Desktop\\screen <1>.png", new byte[] {
                (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1});
        assertThat(windows.get("fileName").asText()).isEqualTo("screen _1_.png");
        JsonNode hiddenExtension = upload(path, "invoice\u202Egnp.png", new byte[] {
                (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 2});
        assertThat(hiddenExtension.get("fileName").asText()).isEqualTo("invoicegnp.png");
        JsonNode nothingLeft = upload(path, "../..", new byte[] {
                (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 3});
        assertThat(nothingLeft.get("fileName").asText()).isEqualTo("attachment");

        JsonNode asOf = call(HttpMethod.GET, path + "/as-of/" + Instant.now(), null).getBody();
        assertThat(asOf.get("attachments").findValuesAsText("fileName"))
                .containsExactly("passwd.png", "screen _1_.png", "invoicegnp.png", "attachment");
        ResponseEntity<byte[]> download = http.get()
                .uri(path + "/attachments/" + climbing.get("attachmentId").asText())
                .header("X-AutoCRM-Tenant", tenant).retrieve().toEntity(byte[].class);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("passwd.png");
    }

    @Test
    void aFileNameWithControlCharactersIsNeverAServerErrorNorStoredAsSent() {
        String ticket = openTicket();
        int events = events(ticket);
        for (String name : List.of("scr\u0000een.png", "scr\u0001een.png", "scr\u007Feen.png")) {
            ResponseEntity<JsonNode> response = uploading("/api/tickets/" + ticket, name, PNG);
            assertThat(response.getStatusCode().value()).as(name + " -> " + response.getBody()).isIn(201, 400);
            if (response.getStatusCode().value() == 400) {
                // the kit refuses it naming the part, or (NUL, which Tomcat's multipart parser refuses itself) the name
                assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
                assertThat(response.getBody().at("/errors/0/field").asText().equals("file")
                        || response.getBody().get("detail").asText().toLowerCase().contains("file name"))
                        .as(name + " -> " + response.getBody()).isTrue();
            } else {
                assertThat(response.getBody().get("fileName").asText()).isEqualTo("screen.png");
            }
        }
        List<String> stored = new ArrayList<>(call(HttpMethod.GET, "/api/tickets/" + ticket + "/as-of/" + Instant.now(),
                null).getBody().get("attachments").findValuesAsText("fileName"));
        assertThat(stored).allMatch(name -> name.equals("screen.png"));
        assertThat(events(ticket)).isEqualTo(events + stored.size());
    }

    @Test
    void theSameBytesUploadedUnderANewNameAreANewAttachmentWithThatNameAndStoredOnce() {
        String path = "/api/tickets/" + openTicket();
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 9, 9};

        JsonNode first = upload(path, "screen.png", bytes);
        JsonNode again = upload(path, "same-screen.png", bytes);

        assertThat(again.get("attachmentId").asText()).isNotEqualTo(first.get("attachmentId").asText());
        assertThat(again.get("fileName").asText()).isEqualTo("same-screen.png");
        assertThat(again.get("sha256").asText()).isEqualTo(first.get("sha256").asText());
        JsonNode asOf = call(HttpMethod.GET, path + "/as-of/" + Instant.now(), null).getBody();
        assertThat(asOf.get("attachments").findValuesAsText("fileName")).containsExactly("screen.png", "same-screen.png");
        for (JsonNode attachment : List.of(first, again)) {
            ResponseEntity<byte[]> download = http.get()
                    .uri(path + "/attachments/" + attachment.get("attachmentId").asText())
                    .header("X-AutoCRM-Tenant", tenant).retrieve().toEntity(byte[].class);
            assertThat(download.getBody()).isEqualTo(bytes);
            assertThat(download.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo(attachment.get("fileName").asText());
        }
        assertThat(mongo.getCollection("fs.files").countDocuments(new Document("metadata.tenantId", tenant)
                .append("metadata.sha256", first.get("sha256").asText()))).isEqualTo(1);
        assertThat(http.get().uri(path + "/attachments/" + again.get("attachmentId").asText())
                .header("X-AutoCRM-Tenant", "tenant-" + UUID.randomUUID()).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aParameterOfTheWrongTypeOrGivenTwiceIsNamedInWords() {
        ResponseEntity<JsonNode> twice = call(HttpMethod.GET,
                "/api/tickets/categories?includeArchived=true&includeArchived=false", null);
        assertRefused(twice, "includeArchived");
        assertThat(twice.getBody().get("detail").asText()).isEqualTo("includeArchived must be given once, not 2 times")
                .doesNotContain("[L");

        ResponseEntity<JsonNode> notBoolean = call(HttpMethod.GET, "/api/tickets/custom-fields?includeRetired=maybe", null);
        assertRefused(notBoolean, "includeRetired");
        assertThat(notBoolean.getBody().get("detail").asText())
                .isEqualTo("includeRetired must be true or false, not 'maybe'");
    }

    @Test
    void healthIsUpWithMongoUpWhenTheServiceWorks() {
        ResponseEntity<JsonNode> health = http.get().uri("/actuator/health").retrieve().toEntity(JsonNode.class);
        assertThat(health.getStatusCode().value()).as(String.valueOf(health.getBody())).isEqualTo(200);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().at("/components/mongo/status").asText()).isEqualTo("UP");
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().at("/errors/0/field").asText()).as(response.getBody().toString()).isEqualTo(field);
    }

    private String openTicket() {
        String customer = call(HttpMethod.POST, "/api/customers", "{\"name\":\"Sarah Chen\"}").getBody()
                .get("customerId").asText();
        ResponseEntity<JsonNode> opened = call(HttpMethod.POST, "/api/tickets",
                "{\"subject\":\"Hostile\",\"customerId\":\"" + customer + "\"}");
        assertThat(opened.getStatusCode().value()).as(String.valueOf(opened.getBody())).isEqualTo(201);
        return opened.getBody().get("ticketId").asText();
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String body) {
        return exchange(method, URI.create("http://localhost:" + port + path), body);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, URI uri, String body) {
        RestClient.RequestBodySpec request = http.method(method).uri(uri)
                .header("X-AutoCRM-Tenant", tenant).header("X-AutoCRM-User", "admin-user")
                .header("X-AutoCRM-Role", "admin").contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private JsonNode upload(String ticketPath, String fileName, byte[] bytes) {
        ResponseEntity<JsonNode> response = uploading(ticketPath, fileName, bytes);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    /** A multipart body written by hand, so the file name arrives exactly as given (UTF-8, nothing escaped). */
    private ResponseEntity<JsonNode> uploading(String ticketPath, String fileName, byte[] bytes) {
        String boundary = "hostile-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.post().uri(ticketPath + "/attachments")
                .header("X-AutoCRM-Tenant", tenant).header("X-AutoCRM-User", "maria")
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary)
                .body(body.toByteArray()).retrieve().toEntity(JsonNode.class);
    }

    private int rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Integer.class, tenant);
    }

    private int events(String ticketId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, ticketId);
    }
}
