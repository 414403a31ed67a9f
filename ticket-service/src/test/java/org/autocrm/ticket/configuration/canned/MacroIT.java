package org.autocrm.ticket.configuration.canned;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.autocrm.ticket.support.TicketServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Macros on real PostgreSQL and Kafka: a canned response with actions, applied to a ticket by an agent, answers
 * with the placeholders filled in and makes each change as that agent; a preview or a stale version changes nothing.
 */
@TicketServiceIT
class MacroIT {

    @LocalServerPort
    int port;

    private RestClient http;
    private final String tenant = "tenant-" + UUID.randomUUID();
    private String customer;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        customer = call("admin", HttpMethod.POST, "/api/customers",
                "{\"name\":\"Sarah Chen\",\"emails\":[\"sarah@acme.example\"]}", 201, null).body().get("customerId").asText();
    }

    @Test
    void aTeamLeadAppliesAMacroThatRepliesWithFilledPlaceholdersAndMakesEachChangeAsThemself() {
        String ticket = open("Printer jams", "[\"printer\",\"waiting\"]");
        String macro = createMacro("lead", """
                {"title":"Escalate to me","body":"Hi {{customer.name}}, #{{ticket.number}} ({{ ticket.subject }}) is with {{agent.name}}.",
                 "actions":{"setStatus":"PENDING","setPriority":"URGENT","addTags":["Vendor"],"removeTags":["waiting"],
                            "assignAgentId":"me"}}
                """);
        long number = current(ticket).get("number").asLong();

        Response applied = call("lead", HttpMethod.POST, "/api/tickets/" + ticket + "/macros/" + macro, null, 200,
                etag(ticket));

        String expectedBody = "Hi Sarah Chen, #" + number + " (Printer jams) is with lead-user.";
        assertThat(applied.body().get("applied").asBoolean()).isTrue();
        assertThat(applied.body().get("body").asText()).isEqualTo(expectedBody);
        assertThat(applied.etag()).isEqualTo("\"" + applied.body().get("version").asLong() + "\"");
        JsonNode now = current(ticket);
        assertThat(now.get("status").asText()).isEqualTo("PENDING");
        assertThat(now.get("priority").asText()).isEqualTo("URGENT");
        assertThat(texts(now.get("tags"))).containsExactly("printer", "vendor");
        assertThat(now.get("agentId").asText()).isEqualTo("lead-user");
        JsonNode reply = now.get("messages").get(now.get("messages").size() - 1);
        assertThat(reply.get("body").asText()).isEqualTo(expectedBody);
        assertThat(reply.get("visibility").asText()).isEqualTo("public");

        JsonNode history = call("admin", HttpMethod.GET, "/api/tickets/" + ticket + "/history", null, 200, null).body();
        List<JsonNode> macroEvents = StreamSupport.stream(history.get("events").spliterator(), false)
                .filter(event -> event.at("/by/userId").asText().equals("lead-user")).toList();
        assertThat(macroEvents).extracting(event -> event.get("type").asText()).contains(
                "autocrm.ticket.message_added.v1", "autocrm.ticket.priority_changed.v1",
                "autocrm.ticket.tags_changed.v1", "autocrm.ticket.assigned.v1", "autocrm.ticket.status_changed.v1");
    }

    @Test
    void anAgentPreviewsAMacroWhichChangesNothingThenAppliesItAsAnInternalNote() {
        String ticket = open("Cannot log in", "[]");
        String macro = createMacro("admin", """
                {"title":"Wait for vendor","body":"Asked the vendor about {{ticket.subject}}.",
                 "actions":{"setStatus":"PENDING","addTags":["vendor"],"internalNote":true}}
                """);
        String before = etag(ticket);

        JsonNode preview = call("agent", HttpMethod.POST, "/api/tickets/" + ticket + "/macros/" + macro + "?preview=true",
                null, 200, before).body();

        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("body").asText()).isEqualTo("Asked the vendor about Cannot log in.");
        assertThat(preview.get("visibility").asText()).isEqualTo("internal");
        assertThat(preview.get("changes").toString()).contains("\"kind\":\"addTag\"", "\"to\":\"vendor\"",
                "\"kind\":\"status\"", "\"to\":\"PENDING\"");
        assertThat(etag(ticket)).isEqualTo(before);
        assertThat(current(ticket).get("messages")).isEmpty();

        call("agent", HttpMethod.POST, "/api/tickets/" + ticket + "/macros/" + macro, null, 200, before);
        JsonNode now = current(ticket);
        assertThat(now.get("status").asText()).isEqualTo("PENDING");
        assertThat(texts(now.get("tags"))).containsExactly("vendor");
        assertThat(now.at("/messages/0/visibility").asText()).isEqualTo("internal");
        assertThat(now.at("/messages/0/by/userId").asText()).isEqualTo("agent-user");
    }

    @Test
    void aStaleVersionIsRefusedWith409AndChangesNothing() {
        String ticket = open("Invoice wrong", "[]");
        String macro = createMacro("admin", """
                {"title":"Pending","body":"We are on it.","actions":{"setStatus":"PENDING","addTags":["billing"]}}
                """);
        String stale = etag(ticket);
        call("agent", HttpMethod.POST, "/api/tickets/" + ticket + "/responses", "{\"body\":\"First look\"}", 201, null);
        String fresh = etag(ticket);

        JsonNode problem = call("agent", HttpMethod.POST, "/api/tickets/" + ticket + "/macros/" + macro, null, 409,
                stale).body();

        assertThat(problem.get("code").asText()).isEqualTo("STALE_VERSION");
        assertThat(etag(ticket)).isEqualTo(fresh);
        JsonNode now = current(ticket);
        assertThat(texts(now.get("tags"))).isEmpty();
        assertThat(now.get("messages")).hasSize(1);
    }

    @Test
    void unknownMacrosCustomersAndTicketsAnAgentMayNotSeeAreRefused() {
        String ticket = open("Refund", "[]");
        String macro = createMacro("admin", "{\"title\":\"Thanks\",\"body\":\"Thanks!\"}");
        call("agent", HttpMethod.POST, "/api/tickets/" + ticket + "/macros/" + UUID.randomUUID(), null, 404, null);
        call("customer", HttpMethod.POST, "/api/tickets/" + ticket + "/macros/" + macro, null, 403, null);
        call("lead", HttpMethod.PUT, "/api/tickets/" + ticket + "/assign", "{\"groupId\":\"tier-2\"}", 200, null);
        call("agent", HttpMethod.POST, "/api/tickets/" + ticket + "/macros/" + macro, null, 404, null);
        assertThat(current(ticket).get("messages")).isEmpty();
    }

    @Test
    void badMacroDefinitionsAreRefusedNamingTheField() {
        assertField(call("admin", HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Solved","body":"Done","actions":{"setStatus":"RESOLVED"}}
                """, 422, null), "actions.resolutionSummary");
        assertField(call("admin", HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Urgent","body":"Hurry","actions":{"setPriority":"BLOCKER"}}
                """, 422, null), "actions.setPriority");
        assertField(call("admin", HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Both","body":"Hi","actions":{"assignAgentId":"me","assignGroupId":"tier-2"}}
                """, 422, null), "actions.assignAgentId");
        assertField(call("admin", HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Swap","body":"Hi","actions":{"addTags":["a"],"removeTags":["A"]}}
                """, 422, null), "actions.removeTags");
        assertField(call("admin", HttpMethod.POST, "/api/tickets/canned-responses", """
                {"title":"Odd","body":"Hi","actions":{"setStatus":"SLEEPING"}}
                """, 400, null), "actions.setStatus");
        JsonNode solved = createMacroBody("admin", """
                {"title":"Solved","body":"Done","actions":{"setStatus":"resolved","resolutionSummary":" Reset it "}}
                """);
        assertThat(solved.at("/actions/setStatus").asText()).isEqualTo("RESOLVED");
        assertThat(solved.at("/actions/resolutionSummary").asText()).isEqualTo("Reset it");
    }

    @Test
    void aTeamLeadMayManageMacrosAndAnAgentMayNot() {
        String macro = createMacro("lead", "{\"title\":\"Lead's macro\",\"body\":\"Hi\"}");
        call("lead", HttpMethod.PUT, "/api/tickets/canned-responses/" + macro,
                "{\"actions\":{\"addTags\":[\"vip\"]}}", 200, null);
        JsonNode refused = call("agent", HttpMethod.POST, "/api/tickets/canned-responses",
                "{\"title\":\"Agent's macro\",\"body\":\"Hi\"}", 403, null).body();
        assertThat(refused.get("code").asText()).isEqualTo("LEADS_ONLY");
        call("agent", HttpMethod.DELETE, "/api/tickets/canned-responses/" + macro, null, 403, null);
        call("lead", HttpMethod.DELETE, "/api/tickets/canned-responses/" + macro, null, 204, null);
    }

    private static void assertField(Response response, String field) {
        assertThat(response.body().at("/errors/0/field").asText()).as(response.body().toString()).isEqualTo(field);
    }

    private String open(String subject, String tags) {
        return call("agent", HttpMethod.POST, "/api/tickets", """
                {"subject":"%s","customerId":"%s","priority":"HIGH","tags":%s}
                """.formatted(subject, customer, tags), 201, null).body().get("ticketId").asText();
    }

    private String createMacro(String role, String body) {
        return createMacroBody(role, body).get("cannedResponseId").asText();
    }

    private JsonNode createMacroBody(String role, String body) {
        return call(role, HttpMethod.POST, "/api/tickets/canned-responses", body, 201, null).body();
    }

    private JsonNode current(String ticket) {
        return call("admin", HttpMethod.GET, "/api/tickets/" + ticket + "/as-of/" + Instant.now().plusSeconds(1), null,
                200, null).body();
    }

    private String etag(String ticket) {
        return "\"" + current(ticket).get("version").asLong() + "\"";
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private record Response(JsonNode body, String etag) {
    }

    private Response call(String role, HttpMethod method, String path, String body, int status, String ifMatch) {
        String user = role.equals("customer") ? customer : role + "-user";
        String wireRole = role.equals("lead") ? "team_lead" : role;
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .header("X-AutoCRM-Tenant", tenant).header("X-AutoCRM-User", user).header("X-AutoCRM-Role", wireRole)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.body(body);
        }
        ResponseEntity<JsonNode> response = request.retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(method + " " + path + " -> " + response.getBody()).isEqualTo(status);
        return new Response(response.getBody(), response.getHeaders().getETag());
    }
}
