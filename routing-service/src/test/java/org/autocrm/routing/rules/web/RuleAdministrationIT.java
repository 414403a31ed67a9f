package org.autocrm.routing.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * An admin manages a tenant's routing rules through {@code /api/routing/rules}, stored in the embedded MongoDB
 * stand-in; team leads read and try them, agents and customers may not, API keys need routing scopes. Each test
 * works in a tenant of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RunningInfrastructure(Piece.MONGO)
@AcceptsTestTokens
class RuleAdministrationIT {

    private static final String RULES = "/api/routing/rules";

    @Autowired
    TestRestTemplate http;

    private final TestCallers callers = TestCallers.inNewTenant();

    @Test
    void anAdminCreatesReadsReplacesAndDeletesRulesListedInTheOrderTheyRun() {
        SignedCaller admin = callers.admin();
        ResponseEntity<JsonNode> late = send(HttpMethod.POST, RULES, rule("Late", 20, "high"), admin);
        ResponseEntity<JsonNode> first = send(HttpMethod.POST, RULES, rule("First", 10, "urgent"), admin);
        ResponseEntity<JsonNode> alsoFirst = send(HttpMethod.POST, RULES, rule("Also at 10", 10, "low"), admin);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String firstId = first.getBody().path("id").asText();
        assertThat(first.getHeaders().getLocation()).hasToString(RULES + "/" + firstId);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(first.getBody().path("active").asBoolean()).isTrue();
        assertThat(first.getBody().path("conditions").get(0).path("value").asText()).isEqualTo("urgent");

        List<String> atTen = new ArrayList<>(List.of(firstId, alsoFirst.getBody().path("id").asText()));
        atTen.sort(null);
        assertThat(ids(send(HttpMethod.GET, RULES, null, admin).getBody()))
                .containsExactly(atTen.get(0), atTen.get(1), late.getBody().path("id").asText());

        ResponseEntity<JsonNode> read = send(HttpMethod.GET, first.getHeaders().getLocation().toString(), null, admin);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().path("name").asText()).isEqualTo("First");
        assertThat(read.getBody().path("actions").get(0).path("type").asText()).isEqualTo("assign_group");

        HttpHeaders ifMatch = admin.headers();
        ifMatch.setIfMatch("\"0\"");
        ResponseEntity<JsonNode> replaced = send(HttpMethod.PUT, RULES + "/" + firstId,
                rule("First, renamed", 30, "urgent").replace("\"active\":true", "\"active\":false"), ifMatch);
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replaced.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(replaced.getBody().path("version").asLong()).isEqualTo(1);
        assertThat(replaced.getBody().path("active").asBoolean()).isFalse();
        assertThat(ids(send(HttpMethod.GET, RULES, null, admin).getBody()))
                .containsExactly(alsoFirst.getBody().path("id").asText(), late.getBody().path("id").asText(), firstId);

        HttpHeaders deleteAtOne = admin.headers();
        deleteAtOne.setIfMatch("\"1\"");
        assertThat(send(HttpMethod.DELETE, RULES + "/" + firstId, null, deleteAtOne).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertProblem(send(HttpMethod.GET, RULES + "/" + firstId, null, admin), HttpStatus.NOT_FOUND);
        assertThat(ids(send(HttpMethod.GET, RULES, null, admin).getBody())).hasSize(2);
    }

    @Test
    void aRuleNamingAnUnknownFieldIsRefusedWith422NamingItAndNothingIsStored() {
        SignedCaller admin = callers.admin();
        String invalid = """
                {"name":"Typo","position":1,"triggers":["created"],
                 "conditions":[{"field":"prioritty","operator":"is","value":"high"}],
                 "actions":[{"type":"assign_gruop","value":"premium"}]}""";

        ResponseEntity<JsonNode> refused = send(HttpMethod.POST, RULES, invalid, admin);

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("RULE_INVALID");
        assertThat(fields(refused.getBody())).containsExactly("conditions[0].field", "actions[0].type");
        assertThat(refused.getBody().path("errors").get(0).path("message").asText())
                .contains("prioritty").contains("did you mean \"priority\"");
        assertThat(send(HttpMethod.GET, RULES, null, admin).getBody()).isEmpty();

        String id = send(HttpMethod.POST, RULES, rule("Valid", 1, "high"), admin).getBody().path("id").asText();
        assertProblem(send(HttpMethod.PUT, RULES + "/" + id, invalid, admin), HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode unchanged = send(HttpMethod.GET, RULES + "/" + id, null, admin).getBody();
        assertThat(unchanged.path("name").asText()).isEqualTo("Valid");
        assertThat(unchanged.path("version").asLong()).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith400() {
        assertProblem(send(HttpMethod.POST, RULES, "{\"name\": \"Broken", callers.admin()), HttpStatus.BAD_REQUEST);
        assertThat(send(HttpMethod.GET, RULES, null, callers.admin()).getBody()).isEmpty();
    }

    @Test
    void aChangeMadeOnAStaleVersionIsRefusedWith409AndChangesNothing() {
        SignedCaller admin = callers.admin();
        String id = send(HttpMethod.POST, RULES, rule("Shared", 1, "high"), admin).getBody().path("id").asText();
        HttpHeaders atZero = admin.headers();
        atZero.setIfMatch("\"0\"");
        assertThat(send(HttpMethod.PUT, RULES + "/" + id, rule("First edit", 1, "high"), atZero).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> secondEdit = send(HttpMethod.PUT, RULES + "/" + id, rule("Second edit", 1, "low"), atZero);
        ResponseEntity<JsonNode> staleInBody = send(HttpMethod.PUT, RULES + "/" + id,
                rule("Third edit", 1, "low").replace("{\"name\"", "{\"version\":0,\"name\""), admin);
        ResponseEntity<JsonNode> staleDelete = send(HttpMethod.DELETE, RULES + "/" + id, null, atZero);

        for (ResponseEntity<JsonNode> refused : List.of(secondEdit, staleInBody, staleDelete)) {
            assertProblem(refused, HttpStatus.CONFLICT);
            assertThat(refused.getBody().path("code").asText()).isEqualTo("VERSION_CONFLICT");
            assertThat(refused.getBody().path("currentVersion").asLong()).isEqualTo(1);
            assertThat(refused.getHeaders().getETag()).isEqualTo("\"1\"");
        }
        JsonNode kept = send(HttpMethod.GET, RULES + "/" + id, null, admin).getBody();
        assertThat(kept.path("name").asText()).isEqualTo("First edit");
        assertThat(kept.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void theDryRunSaysWhichConditionFailedAndWhatAMatchWouldDo() {
        SignedCaller admin = callers.admin();
        String id = send(HttpMethod.POST, RULES, rule("Urgent to premium", 1, "urgent"), admin)
                .getBody().path("id").asText();

        ResponseEntity<JsonNode> notMatching = send(HttpMethod.POST, RULES + "/" + id + "/test",
                "{\"ticket\":{\"ticketId\":\"t-1\",\"channel\":\"email\",\"priority\":\"low\",\"tags\":[\"vip\"]}}", admin);

        assertThat(notMatching.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode answer = notMatching.getBody();
        assertThat(answer.path("matched").asBoolean()).isFalse();
        assertThat(answer.path("failedCondition").path("path").asText()).isEqualTo("conditions[0]");
        assertThat(answer.path("failedCondition").path("actual").asText()).contains("low");
        assertThat(answer.path("failedCondition").path("explanation").asText()).contains("priority").contains("low");
        assertThat(answer.path("actions")).isEmpty();

        JsonNode matching = send(HttpMethod.POST, RULES + "/" + id + "/test",
                "{\"ticket\":{\"ticketId\":\"t-2\",\"priority\":\"urgent\"}}", admin).getBody();
        assertThat(matching.path("matched").asBoolean()).isTrue();
        assertThat(matching.path("failedCondition").isNull()).isTrue();
        assertThat(matching.path("actions").get(0).path("type").asText()).isEqualTo("assign_group");
        assertThat(matching.path("actions").get(0).path("value").asText()).isEqualTo("premium-support");

        assertProblem(send(HttpMethod.POST, RULES + "/" + id + "/test", "{}", admin), HttpStatus.BAD_REQUEST);
        assertProblem(send(HttpMethod.POST, RULES + "/no-such-rule/test", "{\"ticket\":{\"ticketId\":\"t\"}}", admin),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void aTeamLeadReadsAndTriesRulesButCannotChangeThem() {
        String id = send(HttpMethod.POST, RULES, rule("Lead reads", 1, "high"), callers.admin()).getBody().path("id").asText();
        SignedCaller lead = callers.teamLead("tier-1");

        assertThat(send(HttpMethod.GET, RULES, null, lead).getBody()).hasSize(1);
        assertThat(send(HttpMethod.GET, RULES + "/" + id, null, lead).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(HttpMethod.POST, RULES + "/" + id + "/test", "{\"ticket\":{\"ticketId\":\"t\"}}", lead)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        for (ResponseEntity<JsonNode> refused : List.of(
                send(HttpMethod.POST, RULES, rule("Lead writes", 2, "low"), lead),
                send(HttpMethod.PUT, RULES + "/" + id, rule("Lead edits", 1, "low"), lead),
                send(HttpMethod.DELETE, RULES + "/" + id, null, lead))) {
            assertProblem(refused, HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().path("code").asText()).isEqualTo("NOT_PERMITTED");
        }
        assertThat(send(HttpMethod.GET, RULES + "/" + id, null, lead).getBody().path("name").asText())
                .isEqualTo("Lead reads");
    }

    @Test
    void agentsAndCustomersMayNeitherReadNorWriteRules() {
        String id = send(HttpMethod.POST, RULES, rule("Hidden", 1, "high"), callers.admin()).getBody().path("id").asText();

        for (SignedCaller caller : List.of(callers.agent("tier-1"), callers.customer("cust-1"))) {
            assertProblem(send(HttpMethod.GET, RULES, null, caller), HttpStatus.FORBIDDEN);
            assertProblem(send(HttpMethod.GET, RULES + "/" + id, null, caller), HttpStatus.FORBIDDEN);
            assertProblem(send(HttpMethod.POST, RULES, rule("Mine", 1, "low"), caller), HttpStatus.FORBIDDEN);
            assertProblem(send(HttpMethod.POST, RULES + "/" + id + "/test", "{\"ticket\":{\"ticketId\":\"t\"}}", caller),
                    HttpStatus.FORBIDDEN);
        }
        assertThat(send(HttpMethod.GET, RULES, null, callers.admin()).getBody()).hasSize(1);
    }

    @Test
    void apiKeysNeedRoutingReadToReadAndRoutingWriteToWrite() {
        SignedCaller reader = callers.apiKey("routing:read");
        SignedCaller writer = callers.apiKey("routing:write");
        SignedCaller ticketsOnly = callers.apiKey("tickets:read", "tickets:write");

        ResponseEntity<JsonNode> created = send(HttpMethod.POST, RULES, rule("From provisioning", 1, "high"), writer);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().path("id").asText();

        assertThat(send(HttpMethod.GET, RULES, null, reader).getBody()).hasSize(1);
        assertThat(send(HttpMethod.POST, RULES + "/" + id + "/test", "{\"ticket\":{\"ticketId\":\"t\"}}", reader)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertMissingScope(send(HttpMethod.POST, RULES, rule("Reader writes", 2, "low"), reader), "routing:write");
        assertMissingScope(send(HttpMethod.DELETE, RULES + "/" + id, null, reader), "routing:write");
        assertMissingScope(send(HttpMethod.GET, RULES, null, writer), "routing:read");
        assertMissingScope(send(HttpMethod.GET, RULES + "/" + id, null, ticketsOnly), "routing:read");
        assertMissingScope(send(HttpMethod.PUT, RULES + "/" + id, rule("Tickets key edits", 1, "low"), ticketsOnly),
                "routing:write");
        assertThat(send(HttpMethod.GET, RULES + "/" + id, null, callers.admin()).getBody().path("version").asLong())
                .isZero();
    }

    @Test
    void anotherTenantsRuleIsNotFound() {
        String id = send(HttpMethod.POST, RULES, rule("Ours", 1, "high"), callers.admin()).getBody().path("id").asText();
        SignedCaller otherAdmin = TestCallers.inNewTenant().admin();

        assertProblem(send(HttpMethod.GET, RULES + "/" + id, null, otherAdmin), HttpStatus.NOT_FOUND);
        assertProblem(send(HttpMethod.PUT, RULES + "/" + id, rule("Theirs", 1, "low"), otherAdmin), HttpStatus.NOT_FOUND);
        assertProblem(send(HttpMethod.DELETE, RULES + "/" + id, null, otherAdmin), HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.GET, RULES, null, otherAdmin).getBody()).isEmpty();
        assertThat(send(HttpMethod.GET, RULES + "/" + id, null, callers.admin()).getBody().path("name").asText())
                .isEqualTo("Ours");
    }

    @Test
    void theApiDocumentSaysEveryStatusEachOperationCanAnswer() {
        JsonNode paths = http.getForObject("/v3/api-docs", JsonNode.class).path("paths");

        assertThat(statuses(paths.path(RULES).path("get"))).contains("200", "401", "403");
        assertThat(statuses(paths.path(RULES).path("post"))).contains("201", "400", "401", "403", "422");
        JsonNode one = paths.path(RULES + "/{id}");
        assertThat(statuses(one.path("get"))).contains("200", "401", "403", "404");
        assertThat(statuses(one.path("put"))).contains("200", "400", "401", "403", "404", "409", "422");
        assertThat(statuses(one.path("delete"))).contains("204", "400", "401", "403", "404", "409");
        assertThat(statuses(paths.path(RULES + "/{id}/test").path("post"))).contains("200", "400", "401", "403", "404");
        assertThat(one.path("put").path("responses").path("422").path("content").path("application/problem+json")
                .path("schema").path("$ref").asText()).endsWith("/Problem");
    }

    private static List<String> statuses(JsonNode operation) {
        List<String> statuses = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    /** A rule on new tickets of one priority, sending them to premium support. */
    private static String rule(String name, int position, String priority) {
        return """
                {"name":"%s","position":%d,"active":true,"triggers":["created"],"match":"all",
                 "conditions":[{"field":"priority","operator":"is","value":"%s"}],
                 "actions":[{"type":"assign_group","value":"premium-support"},{"type":"add_tags","value":["routed"]}]}"""
                .formatted(name, position, priority);
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

    private static List<String> ids(JsonNode rules) {
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.path("id").asText()));
        return ids;
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
