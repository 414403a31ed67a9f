package org.autocrm.ticket.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.autocrm.events.EventStreams;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.autocrm.ticket.support.EventTopic;
import org.autocrm.ticket.support.TicketServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Idempotency-Key on ticket commands, on real PostgreSQL and Kafka: a retry with the same key is answered with the
 * first answer and changes nothing; the key for another request is refused; two at once apply once.
 */
@TicketServiceIT
class IdempotentCommandsIT {

    private static final String ASSIGNED = "autocrm.ticket.assigned.v1";

    @LocalServerPort
    int port;

    @Autowired
    StoredAnswers answers;

    @Autowired
    JdbcTemplate jdbc;

    private final TestCallers callers = TestCallers.inNewTenant();
    private RestClient http;
    private String customer;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        customer = call(callers.admin(), HttpMethod.POST, "/api/customers", "{\"name\":\"Sarah Chen\"}", null)
                .getBody().get("customerId").asText();
    }

    @Test
    void theSameCommandWithTheSameKeyIsAnsweredAgainAndAppliedOnce() {
        String ticket = open();
        String key = "evt-" + UUID.randomUUID() + ":assign";

        ResponseEntity<JsonNode> first = assign(callers.automation(), ticket, "billing", key);
        ResponseEntity<JsonNode> again = assign(callers.automation(), ticket, "billing", key);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        assertThat(types(ticket)).filteredOn(ASSIGNED::equals).hasSize(1);
        try (EventTopic topic = new EventTopic(EventStreams.TICKETS)) {
            assertThat(topic.drain(record -> record.key().equals(ticket) && record.value().contains(ASSIGNED),
                    Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void aReplayedMessageIsPostedOnceAndARefusalIsReplayedToo() {
        String ticket = open();
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> posted = call(callers.agent(), HttpMethod.POST, "/api/tickets/" + ticket + "/responses",
                "{\"body\":\"We are on it\"}", key);
        ResponseEntity<JsonNode> again = call(callers.agent(), HttpMethod.POST, "/api/tickets/" + ticket + "/responses",
                "{\"body\":\"We are on it\"}", key);

        assertThat(posted.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getLocation()).isEqualTo(posted.getHeaders().getLocation());
        assertThat(types(ticket)).filteredOn("autocrm.ticket.message_added.v1"::equals).hasSize(1);

        String refusedKey = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> refused = call(callers.agent(), HttpMethod.PUT, "/api/tickets/" + ticket,
                "{\"priority\":\"URGENT\"}", refusedKey);
        ResponseEntity<JsonNode> refusedAgain = call(callers.agent(), HttpMethod.PUT, "/api/tickets/" + ticket,
                "{\"priority\":\"URGENT\"}", refusedKey);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refusedAgain.getStatusCode().value()).isEqualTo(403);
        assertThat(refusedAgain.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refusedAgain.getBody()).isEqualTo(refused.getBody());
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndChangesNothing() {
        String ticket = open();
        String key = UUID.randomUUID().toString();
        assign(callers.automation(), ticket, "billing", key);

        ResponseEntity<JsonNode> other = assign(callers.automation(), ticket, "tier-2", key);

        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other.getBody().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.getBody().at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
        assertThat(types(ticket)).filteredOn(ASSIGNED::equals).hasSize(1);
        // a key is the caller's own: another caller may use the same one for its own request
        assertThat(assign(callers.teamLead(), ticket, "tier-2", key).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void twoRequestsWithTheSameKeyAtOnceApplyOnce() throws Exception {
        String ticket = open();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ResponseEntity<JsonNode>>> both = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                both.add(() -> call(callers.agent(), HttpMethod.POST, "/api/tickets/" + ticket + "/responses",
                        "{\"body\":\"Only once\"}", key));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(both)) {
                ResponseEntity<JsonNode> response = answer.get();
                statuses.add(response.getStatusCode().value());
                if (response.getStatusCode().value() == 409) {
                    assertThat(response.getBody().get("code").asText()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS");
                    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                }
            }
            assertThat(statuses).containsAnyOf(201).allMatch(status -> status == 201 || status == 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(types(ticket)).filteredOn("autocrm.ticket.message_added.v1"::equals).hasSize(1);
    }

    @Test
    void anInvalidKeyIsRefusedNamingTheHeader() {
        String ticket = open();
        for (String invalid : List.of("k".repeat(256), "tab\there")) {
            ResponseEntity<JsonNode> refused = assign(callers.automation(), ticket, "billing", invalid);

            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(types(ticket)).doesNotContain(ASSIGNED);
    }

    @Test
    void aKeyIsForgottenAfterItsRetention() {
        String ticket = open();
        String key = UUID.randomUUID().toString();
        call(callers.agent(), HttpMethod.POST, "/api/tickets/" + ticket + "/responses", "{\"body\":\"Hello\"}", key);
        jdbc.update("UPDATE idempotent_answer SET created_at = now() - interval '25 hours' WHERE key = ?", key);

        assertThat(answers.removeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotent_answer WHERE key = ?", Integer.class, key))
                .isZero();
        ResponseEntity<JsonNode> anew = call(callers.agent(), HttpMethod.POST, "/api/tickets/" + ticket + "/responses",
                "{\"body\":\"Hello\"}", key);
        assertThat(anew.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(types(ticket)).filteredOn("autocrm.ticket.message_added.v1"::equals).hasSize(2);
    }

    @Test
    void aMalformedUploadWithAKeyIsRefusedAsWithoutOne() {
        String ticket = open();
        String broken = "--b\r\n\r\nno headers here\r\n--b--\r\n";

        ResponseEntity<JsonNode> refused = http.post().uri("/api/tickets/" + ticket + "/attachments")
                .header("Authorization", callers.agent().authorization())
                .header("Idempotency-Key", "upload-" + UUID.randomUUID())
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
                .body(broken).retrieve().toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(types(ticket)).doesNotContain("autocrm.ticket.attachment_added.v1");
    }

    @Test
    void anUploadWithAHostileFileNameAndAKeyIsRefusedAsWithoutOne() {
        String ticket = open();
        String named = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.png\"\r\n"
                + "Content-Type: image/png\r\n\r\nnot really a picture\r\n--b--\r\n";

        ResponseEntity<JsonNode> refused = http.post().uri("/api/tickets/" + ticket + "/attachments")
                .header("Authorization", callers.agent().authorization())
                .header("Idempotency-Key", "upload-" + UUID.randomUUID())
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
                .body(named).retrieve().toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(types(ticket)).doesNotContain("autocrm.ticket.attachment_added.v1");
    }

    private ResponseEntity<JsonNode> assign(SignedCaller caller, String ticket, String group, String key) {
        return call(caller, HttpMethod.PUT, "/api/tickets/" + ticket + "/assign", "{\"groupId\":\"" + group + "\"}", key);
    }

    private String open() {
        return call(callers.agent(), HttpMethod.POST, "/api/tickets",
                "{\"subject\":\"Invoice twice\",\"customerId\":\"" + customer + "\"}", null)
                .getBody().get("ticketId").asText();
    }

    private List<String> types(String ticket) {
        JsonNode history = call(callers.admin(), HttpMethod.GET, "/api/tickets/" + ticket + "/history", null, null)
                .getBody();
        return StreamSupport.stream(history.get("events").spliterator(), false)
                .map(entry -> entry.get("type").asText()).toList();
    }

    private ResponseEntity<JsonNode> call(SignedCaller caller, HttpMethod method, String path, String body, String key) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .header("Authorization", caller.authorization()).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
