package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
 * Bulk changes from the agent workspace's selection: every ticket takes the change on its own, a refused ticket is
 * reported with its problem and left exactly as it was, and the others change anyway.
 */
@TicketServiceIT
class BulkChangeIT {

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
                "{\"name\":\"Sarah Chen\",\"emails\":[\"sarah@acme.example\"]}", 201).get("customerId").asText();
    }

    @Test
    void aTeamLeadAssignsAndTagsSelectedTicketsAndTheOneThatCannotChangeIsReportedUntouched() {
        String first = open("Printer jams", "[\"printer\"]");
        String second = open("Invoice wrong", "[\"billing\",\"urgent\"]");
        String closed = open("Old question", "[]");
        call("lead", HttpMethod.PUT, "/api/tickets/" + closed + "/status",
                "{\"status\":\"RESOLVED\",\"resolutionSummary\":\"Answered\"}", 200);
        call("lead", HttpMethod.PUT, "/api/tickets/" + closed + "/status", "{\"status\":\"CLOSED\"}", 200);

        JsonNode result = call("lead", HttpMethod.POST, "/api/tickets/bulk", """
                {"ticketIds":["%s","%s","%s"],"agentId":"me","addTags":["VIP"],"removeTags":["urgent"],"priority":"URGENT"}
                """.formatted(first, second, closed), 200);

        assertThat(result.get("changed").asInt()).isEqualTo(2);
        assertThat(result.get("refused").asInt()).isEqualTo(1);
        assertThat(result.at("/tickets/0/outcome").asText()).isEqualTo("changed");
        assertThat(result.at("/tickets/0/version").asLong()).isPositive();
        JsonNode refused = result.at("/tickets/2");
        assertThat(refused.get("ticketId").asText()).isEqualTo(closed);
        assertThat(refused.get("outcome").asText()).isEqualTo("refused");
        assertThat(refused.at("/problem/status").asInt()).isEqualTo(409);
        assertThat(refused.at("/problem/detail").asText()).isNotBlank();

        JsonNode printer = current(first);
        assertThat(printer.get("agentId").asText()).isEqualTo("lead-user");
        assertThat(printer.get("priority").asText()).isEqualTo("URGENT");
        assertThat(texts(printer.get("tags"))).containsExactly("printer", "vip");
        assertThat(texts(current(second).get("tags"))).containsExactly("billing", "vip");
        JsonNode untouched = current(closed);
        assertThat(untouched.get("agentId").isNull()).isTrue();
        assertThat(untouched.get("priority").asText()).isEqualTo("HIGH");
        assertThat(texts(untouched.get("tags"))).isEmpty();
    }

    @Test
    void aStaleVersionRefusesOnlyThatTicket() {
        String ticket = open("Cannot log in", "[]");
        String other = open("Password reset", "[]");
        JsonNode result = call("agent", HttpMethod.POST, "/api/tickets/bulk", """
                {"ticketIds":["%s","%s"],"versions":{"%s":7},"status":"IN_PROGRESS"}
                """.formatted(ticket, other, ticket), 200);

        assertThat(result.at("/tickets/0/problem/status").asInt()).isEqualTo(409);
        assertThat(result.at("/tickets/0/problem/code").asText()).isEqualTo("STALE_VERSION");
        assertThat(current(ticket).get("status").asText()).isEqualTo("OPEN");
        assertThat(current(other).get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aBulkRequestThatChangesNothingOrNamesATicketTwiceOrComesFromACustomerIsRefusedWhole() {
        String ticket = open("Cannot log in", "[]");
        assertThat(call("agent", HttpMethod.POST, "/api/tickets/bulk", "{\"ticketIds\":[\"" + ticket + "\"]}", 400)
                .get("detail").asText()).contains("need a change");
        call("agent", HttpMethod.POST, "/api/tickets/bulk",
                "{\"ticketIds\":[\"" + ticket + "\",\"" + ticket + "\"],\"priority\":\"LOW\"}", 400);
        call("agent", HttpMethod.POST, "/api/tickets/bulk", "{\"ticketIds\":[],\"priority\":\"LOW\"}", 400);
        call("customer", HttpMethod.POST, "/api/tickets/bulk",
                "{\"ticketIds\":[\"" + ticket + "\"],\"status\":\"CLOSED\"}", 403);
        assertThat(current(ticket).get("status").asText()).isEqualTo("OPEN");
    }

    private String open(String subject, String tags) {
        return call("agent", HttpMethod.POST, "/api/tickets", """
                {"subject":"%s","customerId":"%s","priority":"HIGH","tags":%s}
                """.formatted(subject, customer, tags), 201).get("ticketId").asText();
    }

    private JsonNode current(String ticket) {
        return call("admin", HttpMethod.GET, "/api/tickets/" + ticket + "/as-of/" + Instant.now().plusSeconds(1), null, 200);
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private JsonNode call(String role, HttpMethod method, String path, String body, int status) {
        String user = role.equals("customer") ? customer : role + "-user";
        String wireRole = role.equals("lead") ? "team_lead" : role;
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .header("X-AutoCRM-Tenant", tenant).header("X-AutoCRM-User", user).header("X-AutoCRM-Role", wireRole)
                .contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.body(body);
        }
        ResponseEntity<JsonNode> response = request.retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(method + " " + path + " -> " + response.getBody()).isEqualTo(status);
        return response.getBody();
    }
}
