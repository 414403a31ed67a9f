package org.autocrm.ticket.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.autocrm.ticket.support.EventTopic;
import org.autocrm.ticket.support.TicketServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * routing-service's automation on real PostgreSQL and Kafka, with the token the gateway issues it: it works a
 * ticket like an API key with every ticket scope, and the reason it gives in AutoCRM-Reason is in every event the
 * command causes (on the topic and in the ticket's history); a person's reason is ignored.
 */
@TicketServiceIT
class AutomationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSIGNED = "autocrm.ticket.assigned.v1";
    private static final String PRIORITY_CHANGED = "autocrm.ticket.priority_changed.v1";

    @LocalServerPort
    int port;

    private final TestCallers callers = TestCallers.inNewTenant();
    private RestClient http;
    private EventTopic topic;
    private String customer;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        topic = new EventTopic(EventStreams.TICKETS);
        customer = call(callers.admin(), HttpMethod.POST, "/api/customers", "{\"name\":\"Sarah Chen\"}", null)
                .getBody().get("customerId").asText();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void anAutomationAssignsAGroupAndRaisesThePriorityAndEveryEventSaysWhichRule() {
        String ticket = open();

        assertThat(call(callers.automation(), HttpMethod.PUT, "/api/tickets/" + ticket + "/assign",
                "{\"groupId\":\"billing\"}", "rule:r-123").getStatusCode().value()).isEqualTo(200);
        assertThat(call(callers.automation(), HttpMethod.PUT, "/api/tickets/" + ticket, "{\"priority\":\"URGENT\"}",
                "rule:r-123,round_robin").getStatusCode().value()).isEqualTo(200);

        JsonNode assigned = historyEntry(ticket, ASSIGNED);
        assertThat(assigned.at("/by/userId").asText()).isEqualTo("routing-service");
        assertThat(assigned.at("/by/role").asText()).isEqualTo("automation");
        assertThat(assigned.at("/by/reason").asText()).isEqualTo("rule:r-123");
        assertThat(assigned.at("/data/groupId").asText()).isEqualTo("billing");
        assertThat(historyEntry(ticket, PRIORITY_CHANGED).at("/by/reason").asText()).isEqualTo("rule:r-123,round_robin");

        List<ConsumerRecord<String, String>> published = topic.await(record -> record.key().equals(ticket)
                && (record.value().contains(ASSIGNED) || record.value().contains(PRIORITY_CHANGED)), 2,
                Duration.ofSeconds(60));
        assertThat(published).extracting(record -> json(record.value()).at("/data/by/reason").asText())
                .containsExactly("rule:r-123", "rule:r-123,round_robin");
        assertThat(published).extracting(record -> json(record.value()).at("/data/by/role").asText())
                .containsOnly("automation");
    }

    @Test
    void aReasonFromAnyoneButAnAutomationIsIgnoredEvenWhenItWouldBeInvalid() {
        String ticket = open();

        assertThat(call(callers.teamLead(), HttpMethod.PUT, "/api/tickets/" + ticket + "/assign",
                "{\"groupId\":\"billing\"}", "rule:pretending").getStatusCode().value()).isEqualTo(200);
        assertThat(call(callers.teamLead(), HttpMethod.PUT, "/api/tickets/" + ticket, "{\"priority\":\"URGENT\"}",
                "x".repeat(501)).getStatusCode().value()).isEqualTo(200);

        JsonNode assigned = historyEntry(ticket, ASSIGNED);
        assertThat(assigned.at("/by/role").asText()).isEqualTo("team_lead");
        assertThat(assigned.at("/by/reason").isNull()).as(assigned.toString()).isTrue();
        assertThat(historyEntry(ticket, PRIORITY_CHANGED).at("/by/reason").isNull()).isTrue();
    }

    @Test
    void anAutomationsInvalidReasonIsRefusedNamingTheHeaderAndChangesNothing() {
        String ticket = open();

        for (String invalid : List.of("x".repeat(501), "rule:\tr-1")) {
            ResponseEntity<JsonNode> refused = call(callers.automation(), HttpMethod.PUT,
                    "/api/tickets/" + ticket + "/assign", "{\"groupId\":\"billing\"}", invalid);

            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("AutoCRM-Reason");
            assertThat(refused.getBody().get("detail").asText()).contains("AutoCRM-Reason", "1-500 printable characters");
        }
        assertThat(history(ticket)).extracting(entry -> entry.get("type").asText()).doesNotContain(ASSIGNED);
    }

    @Test
    void aMacroAnAutomationAppliesIsSignedByTheTeamAndSaysWhy() {
        String ticket = open();
        String macro = call(callers.admin(), HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Received","body":"Hi {{customer.name}}, we are on it. {{agent.name}}",
                 "actions":{"addTags":["acknowledged"]}}
                """, null).getBody().get("cannedResponseId").asText();

        ResponseEntity<JsonNode> applied = call(callers.automation(), HttpMethod.POST,
                "/api/tickets/" + ticket + "/macros/" + macro, null, "automation:a-7");

        assertThat(applied.getStatusCode().value()).as("%s", applied.getBody()).isEqualTo(200);
        assertThat(applied.getBody().get("body").asText()).isEqualTo("Hi Sarah Chen, we are on it. Support team");
        JsonNode reply = historyEntry(ticket, "autocrm.ticket.message_added.v1");
        assertThat(reply.at("/data/visibility").asText()).isEqualTo("public");
        assertThat(reply.at("/by/reason").asText()).isEqualTo("automation:a-7");
        assertThat(historyEntry(ticket, "autocrm.ticket.tags_changed.v1").at("/by/reason").asText())
                .isEqualTo("automation:a-7");
    }

    @Test
    void anAutomationNeverTakesATicketForItselfNorTouchesConfiguration() {
        String ticket = open();

        ResponseEntity<JsonNode> self = call(callers.automation(), HttpMethod.PUT, "/api/tickets/" + ticket + "/assign",
                "{\"agentId\":\"me\"}", "round_robin");
        assertThat(self.getStatusCode().value()).isEqualTo(403);
        assertThat(self.getBody().get("code").asText()).isEqualTo("NOT_PERMITTED");
        ResponseEntity<JsonNode> configuration = call(callers.automation(), HttpMethod.POST, "/api/tickets/categories",
                "{\"name\":\"Robots\"}", "rule:r-1");
        assertThat(configuration.getStatusCode().value()).isEqualTo(403);
        assertThat(configuration.getBody().get("code").asText()).isEqualTo("MISSING_SCOPE");
    }

    private String open() {
        return call(callers.agent(), HttpMethod.POST, "/api/tickets",
                "{\"subject\":\"Invoice twice\",\"customerId\":\"" + customer + "\"}", null)
                .getBody().get("ticketId").asText();
    }

    private List<JsonNode> history(String ticket) {
        JsonNode history = call(callers.admin(), HttpMethod.GET, "/api/tickets/" + ticket + "/history", null, null)
                .getBody();
        return StreamSupport.stream(history.get("events").spliterator(), false).toList();
    }

    private JsonNode historyEntry(String ticket, String type) {
        return history(ticket).stream().filter(entry -> entry.get("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in the history of " + ticket));
    }

    private ResponseEntity<JsonNode> call(SignedCaller caller, HttpMethod method, String path, String body,
                                          String reason) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .header("Authorization", caller.authorization()).contentType(MediaType.APPLICATION_JSON);
        if (reason != null) {
            request.header("AutoCRM-Reason", reason);
        }
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
