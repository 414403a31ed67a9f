package org.autocrm.routing.assignment.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.autocrm.servicetesting.AcceptsTestTokens;
import org.autocrm.servicetesting.Piece;
import org.autocrm.servicetesting.RunningInfrastructure;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Admins and team leads set groups' strategies and agents' profiles through {@code /api/routing/groups/{id}/assignment}
 * and {@code /api/routing/agents/**}, stored in the embedded MongoDB stand-in; an agent keeps their own status;
 * customers may not; API keys need routing scopes. Each test works in a tenant of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "autocrm.routing.assignment.offer-pass.enabled=false")
@RunningInfrastructure(Piece.MONGO)
@AcceptsTestTokens
class AssignmentSettingsIT {

    private static final String GROUP = "/api/routing/groups/tier-1/assignment";
    private static final String AGENTS = "/api/routing/agents";

    @Autowired
    TestRestTemplate http;

    private final TestCallers callers = TestCallers.inNewTenant();

    @Test
    void anAdminSetsAGroupsStrategyAndChangesItOnTheVersionRead() {
        SignedCaller admin = callers.admin();
        ResponseEntity<JsonNode> never = send(HttpMethod.GET, GROUP, null, admin);
        assertThat(never.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(never.getBody().path("strategy").asText()).isEqualTo("manual");
        assertThat(never.getBody().path("version").isNull()).isTrue();
        assertThat(never.getHeaders().getETag()).isNull();

        ResponseEntity<JsonNode> set = send(HttpMethod.PUT, GROUP,
                "{\"strategy\":\"round_robin\",\"matchLanguage\":true,\"maxOpenPerAgent\":5}", admin);
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getHeaders().getETag()).isEqualTo("\"0\"");
        JsonNode read = send(HttpMethod.GET, GROUP, null, admin).getBody();
        assertThat(read.path("groupId").asText()).isEqualTo("tier-1");
        assertThat(read.path("strategy").asText()).isEqualTo("round_robin");
        assertThat(read.path("loadMeasure").asText()).isEqualTo("open_tickets");
        assertThat(read.path("matchLanguage").asBoolean()).isTrue();
        assertThat(read.path("matchSkills").asBoolean()).isFalse();
        assertThat(read.path("maxOpenPerAgent").asInt()).isEqualTo(5);

        HttpHeaders atZero = admin.headers();
        atZero.setIfMatch("\"0\"");
        assertThat(send(HttpMethod.PUT, GROUP, "{\"strategy\":\"least_loaded\",\"loadMeasure\":\"spare_capacity\"}",
                atZero).getHeaders().getETag()).isEqualTo("\"1\"");
        ResponseEntity<JsonNode> stale = send(HttpMethod.PUT, GROUP, "{\"strategy\":\"manual\"}", atZero);
        assertProblem(stale, HttpStatus.CONFLICT);
        assertThat(stale.getBody().path("code").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.getBody().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(send(HttpMethod.GET, GROUP, null, admin).getBody().path("strategy").asText())
                .isEqualTo("least_loaded");
    }

    @Test
    void invalidGroupSettingsAreRefusedWith422NamingEveryFieldAndNothingIsStored() {
        SignedCaller admin = callers.admin();
        send(HttpMethod.PUT, GROUP, "{\"strategy\":\"round_robin\"}", admin);

        ResponseEntity<JsonNode> refused = send(HttpMethod.PUT, GROUP,
                "{\"strategy\":\"fastest\",\"loadMeasure\":\"vibes\",\"maxOpenPerAgent\":-1}", admin);

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("ASSIGNMENT_SETTINGS_INVALID");
        assertThat(fields(refused.getBody())).containsExactly("strategy", "loadMeasure", "maxOpenPerAgent");
        assertThat(refused.getBody().path("errors").get(0).path("message").asText()).contains("fastest");
        JsonNode kept = send(HttpMethod.GET, GROUP, null, admin).getBody();
        assertThat(kept.path("strategy").asText()).isEqualTo("round_robin");
        assertThat(kept.path("version").asLong()).isZero();
    }

    @Test
    void invalidAgentSettingsAreRefusedWith422NamingEveryFieldAndNothingIsStored() {
        SignedCaller admin = callers.admin();
        ResponseEntity<JsonNode> refused = send(HttpMethod.PUT, AGENTS + "/ann", """
                {"capacity":-2,"timeZone":"Europe/Berln","status":"busy","languages":["en","??"],
                 "schedule":{"monday":[{"start":"09:00","end":"13:00"},{"start":"12:00","end":"17:00"}],
                             "funday":[{"start":"09:00","end":"10:00"}],
                             "friday":[{"start":"18:00","end":"08:00"}]}}""", admin);

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(refused.getBody())).containsExactlyInAnyOrder("languages[1]", "capacity", "timeZone",
                "schedule.monday[1]", "schedule.funday", "schedule.friday[0]", "status");
        JsonNode nothing = send(HttpMethod.GET, AGENTS + "/ann", null, admin).getBody();
        assertThat(nothing.path("version").isNull()).isTrue();
        assertThat(nothing.path("status").asText()).isEqualTo("offline");
        assertThat(send(HttpMethod.GET, AGENTS, null, admin).getBody()).isEmpty();
    }

    @Test
    void anAdminDescribesAnAgentAndTheAgentKeepsTheirOwnStatus() {
        SignedCaller admin = callers.admin();
        ResponseEntity<JsonNode> set = send(HttpMethod.PUT, AGENTS + "/ann", annAs("available"), admin);
        assertThat(set.getStatusCode()).as("%s", set.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(set.getHeaders().getETag()).isEqualTo("\"0\"");
        JsonNode ann = set.getBody();
        assertThat(ann.path("schedule").path("monday").get(1).path("end").asText()).isEqualTo("24:00");
        assertThat(ann.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(ann.path("groups").get(0).asText()).isEqualTo("tier-1");
        assertThat(send(HttpMethod.GET, AGENTS, null, admin).getBody()).hasSize(1);

        SignedCaller self = callers.agentNamed("ann", "tier-1");
        assertThat(send(HttpMethod.GET, AGENTS + "/me", null, self).getBody().path("capacity").asInt()).isEqualTo(8);
        ResponseEntity<JsonNode> away = send(HttpMethod.PUT, AGENTS + "/me", annAs("away"), self);
        assertThat(away.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(away.getBody().path("status").asText()).isEqualTo("away");
        assertThat(send(HttpMethod.GET, AGENTS + "/ann", null, self).getBody().path("version").asLong()).isEqualTo(1);

        ResponseEntity<JsonNode> raise = send(HttpMethod.PUT, AGENTS + "/me",
                annAs("available").replace("\"capacity\":8", "\"capacity\":50"), self);
        assertProblem(raise, HttpStatus.FORBIDDEN);
        assertThat(raise.getBody().path("detail").asText()).contains("capacity");
        assertThat(send(HttpMethod.GET, AGENTS + "/me", null, self).getBody().path("status").asText())
                .isEqualTo("away");

        // what GET answers goes back as it is, its version guarding the change
        ObjectNode mine = (ObjectNode) send(HttpMethod.GET, AGENTS + "/me", null, self).getBody();
        mine.put("status", "available");
        ResponseEntity<JsonNode> back = send(HttpMethod.PUT, AGENTS + "/me", mine.toString(), self);
        assertThat(back.getStatusCode()).as("%s", back.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(back.getBody().path("version").asLong()).isEqualTo(2);
        assertProblem(send(HttpMethod.PUT, AGENTS + "/me", mine.toString(), self), HttpStatus.CONFLICT);
    }

    @Test
    void agentsReachOnlyTheirOwnSettingsAndCustomersNone() {
        send(HttpMethod.PUT, AGENTS + "/bob", annAs("available"), callers.admin());
        SignedCaller ann = callers.agentNamed("ann", "tier-1");
        SignedCaller customer = callers.customer("cust-1");

        for (SignedCaller caller : List.of(ann, customer)) {
            assertProblem(send(HttpMethod.GET, AGENTS, null, caller), HttpStatus.FORBIDDEN);
            assertProblem(send(HttpMethod.GET, AGENTS + "/bob", null, caller), HttpStatus.FORBIDDEN);
            assertProblem(send(HttpMethod.PUT, AGENTS + "/bob", annAs("away"), caller), HttpStatus.FORBIDDEN);
            assertProblem(send(HttpMethod.GET, GROUP, null, caller), HttpStatus.FORBIDDEN);
            assertProblem(send(HttpMethod.PUT, GROUP, "{\"strategy\":\"manual\"}", caller), HttpStatus.FORBIDDEN);
        }
        assertProblem(send(HttpMethod.GET, AGENTS + "/me", null, customer), HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.GET, AGENTS + "/bob", null, callers.admin()).getBody().path("status").asText())
                .isEqualTo("available");
    }

    @Test
    void aTeamLeadManagesGroupsAndAgents() {
        SignedCaller lead = callers.teamLead("tier-1");
        assertThat(send(HttpMethod.PUT, GROUP, "{\"strategy\":\"least_loaded\"}", lead).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.PUT, AGENTS + "/ann", annAs("available"), lead).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.GET, AGENTS, null, lead).getBody()).hasSize(1);
    }

    @Test
    void apiKeysNeedRoutingReadToReadAndRoutingWriteToWriteAndHaveNoOwnSettings() {
        SignedCaller reader = callers.apiKey("routing:read");
        SignedCaller writer = callers.apiKey("routing:write");

        assertThat(send(HttpMethod.PUT, AGENTS + "/ann", annAs("available"), writer).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.PUT, GROUP, "{\"strategy\":\"round_robin\"}", writer).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.GET, AGENTS, null, reader).getBody()).hasSize(1);
        assertThat(send(HttpMethod.GET, GROUP, null, reader).getBody().path("strategy").asText())
                .isEqualTo("round_robin");
        assertMissingScope(send(HttpMethod.PUT, GROUP, "{\"strategy\":\"manual\"}", reader), "routing:write");
        assertMissingScope(send(HttpMethod.PUT, AGENTS + "/ann", annAs("away"), reader), "routing:write");
        assertMissingScope(send(HttpMethod.GET, AGENTS + "/ann", null, writer), "routing:read");
        assertMissingScope(send(HttpMethod.GET, GROUP, null, callers.apiKey("tickets:read")), "routing:read");
        ResponseEntity<JsonNode> me = send(HttpMethod.GET, AGENTS + "/me", null, reader);
        assertProblem(me, HttpStatus.FORBIDDEN);
        assertThat(me.getBody().path("code").asText()).isEqualTo("NOT_PERMITTED");
    }

    @Test
    void malformedIdsAndBodiesAreRefusedWith400() {
        SignedCaller admin = callers.admin();
        ResponseEntity<JsonNode> badId = send(HttpMethod.GET, AGENTS + "/bad*id", null, admin);
        assertProblem(badId, HttpStatus.BAD_REQUEST);
        assertThat(fields(badId.getBody())).containsExactly("agentId");
        assertProblem(send(HttpMethod.PUT, "/api/routing/groups/-x/assignment", "{\"strategy\":\"manual\"}", admin),
                HttpStatus.BAD_REQUEST);
        assertProblem(send(HttpMethod.PUT, GROUP, "{\"strategy\": \"round", admin), HttpStatus.BAD_REQUEST);
        assertProblem(send(HttpMethod.PUT, AGENTS + "/ann", "{\"status\":\"available\",\"capacity\":\"lots\"}", admin),
                HttpStatus.BAD_REQUEST);
        HttpHeaders badIfMatch = admin.headers();
        badIfMatch.setIfMatch("\"latest\"");
        assertProblem(send(HttpMethod.PUT, GROUP, "{\"strategy\":\"manual\"}", badIfMatch), HttpStatus.BAD_REQUEST);
        assertThat(send(HttpMethod.GET, GROUP, null, admin).getBody().path("version").isNull()).isTrue();
    }

    @Test
    void theApiDocumentSaysEveryStatusEachOperationCanAnswer() {
        JsonNode paths = http.getForObject("/v3/api-docs", JsonNode.class).path("paths");

        JsonNode group = paths.path("/api/routing/groups/{groupId}/assignment");
        assertThat(statuses(group.path("get"))).contains("200", "400", "401", "403");
        assertThat(statuses(group.path("put"))).contains("200", "400", "401", "403", "409", "422");
        assertThat(statuses(paths.path(AGENTS).path("get"))).contains("200", "401", "403");
        assertThat(statuses(paths.path(AGENTS + "/me").path("put"))).contains("200", "400", "401", "403", "409", "422");
        assertThat(statuses(paths.path(AGENTS + "/{agentId}").path("put")))
                .contains("200", "400", "401", "403", "409", "422");
        assertThat(group.path("put").path("responses").path("422").path("content").path("application/problem+json")
                .path("schema").path("$ref").asText()).endsWith("/Problem");
    }

    private static String annAs(String status) {
        return """
                {"skills":["billing"],"languages":["en","de"],"capacity":8,"timeZone":"Europe/Berlin",
                 "schedule":{"monday":[{"start":"08:00","end":"12:00"},{"start":"13:00","end":"24:00"}]},
                 "status":"%s","groups":["tier-1"]}""".formatted(status);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, SignedCaller caller) {
        return send(method, path, body, caller.headers());
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, HttpHeaders headers) {
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static List<String> statuses(JsonNode operation) {
        List<String> statuses = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
    }

    private static void assertMissingScope(ResponseEntity<JsonNode> response, String scope) {
        assertProblem(response, HttpStatus.FORBIDDEN);
        assertThat(response.getBody().path("code").asText()).isEqualTo("MISSING_SCOPE");
        assertThat(response.getBody().path("scope").asText()).isEqualTo(scope);
    }
}
