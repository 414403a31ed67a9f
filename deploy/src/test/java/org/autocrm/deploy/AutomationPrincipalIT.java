package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * routing-service's own principal on the running system: the gateway issues it a token by the client-credentials
 * grant with the secret the local run made in its data dir (as {@code ./autocrm run} does), and ticket-service takes
 * that token directly, as routing-service sends its commands.
 *
 * <p>{@link #withTicketServiceSide_automationAssignsAGroupOnceForOneKeyAndHistoryNamesTheReason} needs ticket-service's
 * side of the contract (role {@code automation} may assign; {@code AutoCRM-Reason} and {@code Idempotency-Key} on every
 * ticket command), built on its own branch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutomationPrincipalIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TestTenant tenant;
    private String ticketId;

    @BeforeAll
    void aTenantWithATicket() {
        tenant = TestTenant.create("automation");
        tenant.staff("tier2-agent", "agent", List.of("tier-2"));
        String customer = tenant.newCustomer("Sam Lee", "sam-" + UUID.randomUUID() + "@acme.test", "Acme Corp");
        ticketId = tenant.created(tenant.admin(), "/api/tickets",
                Map.of("subject", "Cannot log in", "customerId", customer, "priority", "HIGH"), "ticketId");
    }

    @Test
    void theGatewayIssuesAFiveMinuteAutomationTokenForTheLocalRunsSecret() throws Exception {
        HttpResponse<String> answer = tokenRequest(RunningSystem.automationClientSecret(), tenant.id());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode token = JSON.readTree(answer.body());
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asInt()).isEqualTo(300);
        JsonNode claims = claimsOf(token.path("access_token").asText());
        assertThat(claims.path("sub").asText()).isEqualTo(AutomationClientSecret.CLIENT_ID);
        assertThat(claims.path("roles").get(0).asText()).isEqualTo("automation");
        assertThat(claims.path("tenant").asText()).isEqualTo(tenant.id());
        assertThat(claims.has("sid")).isFalse();
    }

    @Test
    void aWrongSecretIsInvalidClientAndAnUnknownTenantAnInvalidGrant() throws Exception {
        HttpResponse<String> wrong = tokenRequest("not-the-secret", tenant.id());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(JSON.readTree(wrong.body()).path("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> unknown = tokenRequest(RunningSystem.automationClientSecret(), "no-such-" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void ticketServiceAndTheGatewayLetTheAutomationPrincipalReadATicketsHistory() throws Exception {
        String token = automationToken();

        for (String url : List.of(RunningSystem.service(AutoCrmService.TICKET_SERVICE, "/api/tickets/" + ticketId + "/history"),
                RunningSystem.gateway("/api/tickets/" + ticketId + "/history"))) {
            HttpResponse<String> history = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(history.statusCode()).as(url + ": " + history.body()).isEqualTo(200);
            assertThat(JSON.readTree(history.body()).path("events").get(0).path("type").asText()).contains("created");
        }
    }

    /** Needs ticket-service's side of the automation principal (branch ticketsvc): assignment, reason, idempotency. */
    @Test
    void withTicketServiceSide_automationAssignsAGroupOnceForOneKeyAndHistoryNamesTheReason() throws Exception {
        String token = automationToken();
        String key = UUID.randomUUID() + ":assign";

        HttpResponse<String> first = assign(token, key, "rule:e2e-rule");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        HttpResponse<String> again = assign(token, key, "rule:e2e-rule");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(again.body()).path("version")).isEqualTo(JSON.readTree(first.body()).path("version"));

        HttpResponse<String> history = HTTP.send(HttpRequest.newBuilder(URI.create(RunningSystem.service(
                        AutoCrmService.TICKET_SERVICE, "/api/tickets/" + ticketId + "/history")))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> assignments = new ArrayList<>();
        JSON.readTree(history.body()).path("events").forEach(event -> {
            if (event.path("type").asText().contains("assigned")) {
                assignments.add(event);
            }
        });
        assertThat(assignments).hasSize(1);
        JsonNode by = assignments.get(0).path("by");
        assertThat(by.path("userId").asText()).isEqualTo(AutomationClientSecret.CLIENT_ID);
        assertThat(by.path("role").asText()).isEqualTo("automation");
        assertThat(by.path("reason").asText()).isEqualTo("rule:e2e-rule");

        HttpResponse<String> badReason = assign(token, UUID.randomUUID().toString(), "r".repeat(501));
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(badReason.body()).contains("AutoCRM-Reason");
    }

    private HttpResponse<String> assign(String token, String key, String reason) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(RunningSystem.service(AutoCrmService.TICKET_SERVICE,
                        "/api/tickets/" + ticketId + "/assign")))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .header("AutoCRM-Reason", reason)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"groupId\":\"tier-2\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String automationToken() throws Exception {
        HttpResponse<String> answer = tokenRequest(RunningSystem.automationClientSecret(), tenant.id());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private static HttpResponse<String> tokenRequest(String secret, String tenantId) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((AutomationClientSecret.CLIENT_ID + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&tenant=" + URLEncoder.encode(tenantId, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(RunningSystem.gateway("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claimsOf(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
