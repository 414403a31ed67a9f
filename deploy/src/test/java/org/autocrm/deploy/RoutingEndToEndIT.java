package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 through the gateway on the running system: an admin sets up a business calendar, an SLA policy, a
 * round-robin group with two available agents and a rule; tickets a customer's problem opens are routed by the rule,
 * assigned in turn by routing-service acting as its own principal (the history says which rule and strategy), get
 * SLA due times that routing-service publishes and the ticket list shows and sorts by, and an agent's public reply
 * fulfils the first response.
 */
class RoutingEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration ROUTED_WITHIN = Duration.ofSeconds(60);

    @Test
    void aRuleSendsTicketsToAGroupWhoseAgentsGetThemInTurnWithSlaDueTimesAndTheHistorySaysWhy() {
        TestTenant tenant = TestTenant.create("routing");
        TestTenant.Member admin = tenant.admin();
        TestTenant.Member alex = tenant.staff("alex", "agent", List.of("billing"));
        TestTenant.Member bea = tenant.staff("bea", "agent", List.of("billing"));
        for (TestTenant.Member agent : List.of(alex, bea)) {
            expect(send("PUT", "/api/routing/agents/" + agent.id(), Map.of("status", "available",
                    "groups", List.of("billing"), "capacity", 10), admin), 200);
        }
        expect(send("PUT", "/api/routing/groups/billing/assignment", Map.of("strategy", "round_robin"), admin), 200);
        Map<String, Object> allDay = Map.of("start", "00:00", "end", "24:00");
        Map<String, Object> everyDay = new java.util.LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            everyDay.put(day, List.of(allDay));
        }
        expect(send("POST", "/api/sla/calendars", Map.of("name", "Around the clock", "zone", "UTC", "default", true,
                "slots", everyDay), admin), 201);
        Map<String, Object> targets = Map.of("first_response", Map.of("minutes", 60, "basis", "business"),
                "resolution", Map.of("minutes", 480, "basis", "business"));
        String policyId = read(expect(send("POST", "/api/sla/policies", Map.of("name", "Standard", "position", 1,
                "targets", Map.of("HIGH", targets, "MEDIUM", targets, "LOW", targets, "URGENT", targets),
                "warningLeadMinutes", 15, "breachActions", List.of()), admin), 201)).path("id").asText();
        String ruleId = read(expect(send("POST", "/api/routing/rules", Map.of("name", "Invoices to billing",
                "position", 1, "triggers", List.of("created"),
                "conditions", List.of(Map.of("field", "subject", "operator", "contains", "value", "invoice")),
                "actions", List.of(Map.of("type", "assign_group", "value", "billing"))), admin), 201))
                .path("id").asText();

        String customer = tenant.newCustomer("Tom Becker", "tom@" + tenant.id() + ".test", "Globex");
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tickets.add(tenant.created(admin, "/api/tickets", Map.of("customerId", customer, "subject",
                    "Invoice " + i + " shows the wrong VAT rate", "description", "19% instead of 7%", "priority", "HIGH",
                    "channel", "email"), "ticketId"));
        }
        String unrouted = tenant.created(admin, "/api/tickets", Map.of("customerId", customer, "subject",
                "Printer jammed", "description", "Paper everywhere", "priority", "LOW", "channel", "email"), "ticketId");

        List<String> assignees = new ArrayList<>();
        for (String ticket : tickets) {
            assignees.add(await().atMost(ROUTED_WITHIN).until(() -> read(send("GET", "/api/tickets/" + ticket, null,
                    admin)).path("agentId").asText(""), agent -> !agent.isEmpty()));
        }
        assertThat(assignees).as("round robin: each agent in turn").containsOnly(alex.id(), bea.id());
        assertThat(assignees.stream().filter(alex.id()::equals).count()).isEqualTo(2);

        JsonNode history = read(expect(send("GET", "/api/tickets/" + tickets.get(0) + "/history", null, admin), 200));
        Set<String> reasons = new HashSet<>();
        for (JsonNode by : history.findValues("by")) {
            if ("automation".equals(by.path("role").asText())) {
                assertThat(by.path("userId").asText()).isEqualTo("routing-service");
                reasons.add(by.path("reason").asText());
            }
        }
        assertThat(reasons).as("automatic changes in %s", history).contains("rule:" + ruleId, "round_robin");

        JsonNode decisions = read(expect(send("GET", "/api/routing/decisions?ticketId=" + tickets.get(0), null, admin),
                200));
        assertThat(decisions.toString()).contains(ruleId).contains("applied");
        assertThat(read(send("GET", "/api/tickets/" + unrouted, null, admin)).path("agentId").isNull()).isTrue();

        JsonNode sla = read(expect(send("GET", "/api/sla/tickets/" + tickets.get(0), null, alex), 200));
        assertThat(sla.path("policyId").asText()).isEqualTo(policyId);
        JsonNode firstResponse = target(sla, "first_response");
        assertThat(firstResponse.path("status").asText()).isEqualTo("active");
        Instant createdAt = Instant.parse(read(send("GET", "/api/tickets/" + tickets.get(0), null, admin))
                .path("createdAt").asText());
        assertThat(Instant.parse(firstResponse.path("dueAt").asText()))
                .isCloseTo(createdAt.plus(60, ChronoUnit.MINUTES), within(Duration.ofSeconds(61)));

        // the assignee sees the badge (another agent of the group no longer sees a ticket assigned to a colleague)
        TestTenant.Member assignee = assignees.get(0).equals(alex.id()) ? alex : bea;
        JsonNode badge = await().atMost(ROUTED_WITHIN).until(() -> read(send("GET", "/api/tickets/" + tickets.get(0),
                null, assignee)).path("sla"), node -> node.isObject());
        assertThat(badge.path("status").asText()).isEqualTo("on_track");
        assertThat(badge.path("policyName").asText()).isEqualTo("Standard");
        JsonNode bySla = read(expect(send("GET", "/api/tickets?sort=sla&size=10", null, admin), 200));
        assertThat(bySla.path("items").get(0).path("ticketId").asText()).isIn(tickets);

        expect(send("POST", "/api/tickets/" + tickets.get(0) + "/responses", Map.of("body",
                "We are correcting the invoice.", "visibility", "public"), assignee), 201);
        await().atMost(ROUTED_WITHIN).untilAsserted(() -> assertThat(target(read(send("GET",
                "/api/sla/tickets/" + tickets.get(0), null, assignee)), "first_response").path("status").asText())
                .isEqualTo("fulfilled"));
    }

    private static JsonNode target(JsonNode sla, String metric) {
        for (JsonNode target : sla.path("targets")) {
            if (metric.equals(target.path("metric").asText())) {
                return target;
            }
        }
        throw new AssertionError("no " + metric + " target in " + sla);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
    }

    private static HttpResponse<String> send(String method, String path, Object body, TestTenant.Member who) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSystem.gateway(path)))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", who.bearer());
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isEqualTo(status);
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body().isEmpty() ? "null" : response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
