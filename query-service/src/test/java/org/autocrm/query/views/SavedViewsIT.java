package org.autocrm.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.autocrm.events.TicketStatus;
import org.autocrm.query.EventStreamIntegration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Saved views on real tickets: who sees and manages which view, live counts under each caller's visibility, runs. */
class SavedViewsIT extends EventStreamIntegration {

    private static final Map<String, Object> OPEN_AND_HIGH = Map.of("name", "Open and high",
            "filters", Map.of("priority", "HIGH", "status", List.of("OPEN")), "sort", "created", "order", "asc");

    private Ticket alexs;
    private Ticket billings;
    private Ticket sams;
    private Ticket unassignedLow;
    private Ticket resolvedHigh;

    @BeforeEach
    void tickets() {
        alexs = ticketFor("sarah", "Alex's").priority("MEDIUM", "HIGH", distinctNow()).assigned("alex", null, distinctNow());
        billings = ticketFor("sarah", "Billing's").priority("MEDIUM", "HIGH", distinctNow())
                .assigned(null, "billing", distinctNow());
        sams = ticketFor("omar", "Sam's").priority("MEDIUM", "HIGH", distinctNow()).assigned("sam", null, distinctNow());
        unassignedLow = ticketFor("omar", "Nobody's").priority("MEDIUM", "LOW", distinctNow());
        resolvedHigh = ticketFor("omar", "Done").priority("MEDIUM", "HIGH", distinctNow())
                .assigned("alex", null, distinctNow()).status(TicketStatus.OPEN, TicketStatus.RESOLVED, distinctNow());
        for (Ticket ticket : List.of(alexs, billings, sams, unassignedLow, resolvedHigh)) {
            awaitApplied(ticket);
        }
    }

    @Test
    void aPersonalViewIsSeenAndCountedByItsOwnerOnly() {
        ResponseEntity<JsonNode> created = call(HttpMethod.POST, "/api/views", OPEN_AND_HIGH, agent("alex", null));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/views/" + id);
        assertThat(created.getBody().get("shared").asBoolean()).isFalse();
        assertThat(created.getBody().get("count").asLong()).isEqualTo(1);

        JsonNode listed = onlyView(get("/api/views", agent("alex", null)).getBody(), id);
        assertThat(listed.get("name").asText()).isEqualTo("Open and high");
        assertThat(listed.get("count").asLong()).isEqualTo(1);
        assertThat(listed.get("filters").get("priority")).hasSize(1);
        assertThat(get("/api/views", agent("sam", null)).getBody().get("items").findValuesAsText("id")).doesNotContain(id);
        assertThat(get("/api/views/" + id, agent("sam", null)).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/views/" + id, admin()).getStatusCode().value()).isEqualTo(404);
        As foreignAlex = new As("tenant-" + UUID.randomUUID(), "alex", "agent", null);
        assertThat(get("/api/views/" + id, foreignAlex).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/views", foreignAlex).getBody().get("items")).isEmpty();
        assertThat(call(HttpMethod.DELETE, "/api/views/" + id, null, agent("sam", null)).getStatusCode().value())
                .isEqualTo(404);

        ResponseEntity<JsonNode> renamed = call(HttpMethod.PUT, "/api/views/" + id,
                Map.of("name", "Mine, high", "filters", Map.of("priority", "HIGH")), agent("alex", null));
        assertThat(renamed.getStatusCode().value()).isEqualTo(200);
        assertThat(renamed.getBody().get("count").asLong()).isEqualTo(2); // the resolved one too, now
        ResponseEntity<JsonNode> sharing = call(HttpMethod.PUT, "/api/views/" + id,
                Map.of("name", "Mine, high", "shared", true), agent("alex", null));
        assertThat(sharing.getStatusCode().value()).isEqualTo(403);
        assertThat(get("/api/views/" + id, agent("alex", null)).getBody().get("shared").asBoolean()).isFalse();

        assertThat(call(HttpMethod.DELETE, "/api/views/" + id, null, agent("alex", null)).getStatusCode().value())
                .isEqualTo(204);
        assertThat(get("/api/views/" + id, agent("alex", null)).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void sharedViewsAreManagedByLeadsAndCountOnlyWhatEachCallerSees() {
        Map<String, Object> shared = new java.util.HashMap<>(OPEN_AND_HIGH);
        shared.put("shared", true);
        ResponseEntity<JsonNode> byAgent = call(HttpMethod.POST, "/api/views", shared, agent("alex", null));
        assertThat(byAgent.getStatusCode().value()).isEqualTo(403);
        assertThat(byAgent.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<JsonNode> byLead = call(HttpMethod.POST, "/api/views", shared, teamLead());
        assertThat(byLead.getStatusCode().value()).isEqualTo(201);
        String id = byLead.getBody().get("id").asText();
        assertThat(byLead.getBody().get("count").asLong()).isEqualTo(3);

        assertThat(onlyView(get("/api/views", agent("alex", null)).getBody(), id).get("count").asLong()).isEqualTo(1);
        assertThat(onlyView(get("/api/views", agent("alex", "billing")).getBody(), id).get("count").asLong()).isEqualTo(2);
        assertThat(onlyView(get("/api/views", admin()).getBody(), id).get("count").asLong()).isEqualTo(3);
        assertThat(ticketIds(get("/api/views/" + id + "/tickets", agent("alex", "billing")).getBody()))
                .containsExactly(alexs.id, billings.id);

        assertThat(call(HttpMethod.PUT, "/api/views/" + id, Map.of("name", "Mine now"), agent("alex", null))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.DELETE, "/api/views/" + id, null, agent("alex", null)).getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<JsonNode> renamed = call(HttpMethod.PUT, "/api/views/" + id,
                Map.of("name", "Urgent work", "filters", Map.of("priority", "HIGH", "status", "OPEN")), admin());
        assertThat(renamed.getStatusCode().value()).isEqualTo(200);
        assertThat(renamed.getBody().get("shared").asBoolean()).isTrue();
        assertThat(renamed.getBody().get("ownerId").asText()).isEqualTo("tom");
        assertThat(call(HttpMethod.DELETE, "/api/views/" + id, null, teamLead()).getStatusCode().value()).isEqualTo(204);
        assertThat(get("/api/views", agent("alex", null)).getBody().get("items").findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void runningAViewPagesInItsOwnSortAndExportsCsv() {
        String id = call(HttpMethod.POST, "/api/views", Map.of("name", "All by priority",
                "filters", Map.of(), "sort", "priority", "order", "desc"), admin()).getBody().get("id").asText();

        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = get("/api/views/" + id + "/tickets?size=2" + (next == null ? "" : "&cursor=" + next), admin())
                    .getBody();
            seen.addAll(ticketIds(page));
            assertThat(page.get("total").asLong()).isEqualTo(5);
            next = page.path("next").isNull() ? null : page.path("next").asText();
        } while (next != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates().endsWith(unassignedLow.id);

        ResponseEntity<String> csv = getText("/api/views/" + id + "/tickets?size=100", admin(),
                MediaType.parseMediaType("text/csv"));
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).startsWith("number,ticket_id,subject,status");
        assertThat(lines).hasSize(6);
        assertThat(lines[5]).contains(unassignedLow.id, "Nobody's", "LOW");

        ResponseEntity<JsonNode> overridden = get("/api/views/" + id + "/tickets?status=OPEN", admin());
        assertThat(overridden.getStatusCode().value()).isEqualTo(400);
        assertThat(overridden.getBody().get("detail").asText()).contains("status");
    }

    @Test
    void anInvalidViewIsAProblemNamingTheFieldAndNothingIsStored() {
        assertInvalid(Map.of("name", "x", "filters", Map.of("colour", "red")), "filters.colour");
        assertInvalid(Map.of("name", "x", "filters", Map.of("status", "SLEEPING")), "filters.status");
        assertInvalid(Map.of("name", "x", "filters", Map.of("createdFrom", "yesterday")), "filters.createdFrom");
        assertInvalid(Map.of("name", "x", "filters", Map.of("tag", Map.of("a", "b"))), "filters.tag");
        assertInvalid(Map.of("name", "x", "filters", Map.of("cursor", "abc")), "filters.cursor");
        assertInvalid(Map.of("name", "x", "sort", "shoeSize"), "sort");
        assertInvalid(Map.of("name", "x", "order", "sideways"), "order");
        assertInvalid(Map.of("name", "   "), "name");
        assertInvalid(Map.of("filters", Map.of()), "name");
        assertInvalid(Map.of("name", "n".repeat(101)), "name");
        ResponseEntity<JsonNode> malformed = call(HttpMethod.POST, "/api/views", "{\"name\":", admin());
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);

        assertThat(get("/api/views", admin()).getBody().get("items")).isEmpty();
    }

    @Test
    void customersHaveNoViews() {
        assertThat(get("/api/views", customer("sarah")).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> create = call(HttpMethod.POST, "/api/views", OPEN_AND_HIGH, customer("sarah"));
        assertThat(create.getStatusCode().value()).isEqualTo(403);
        assertThat(create.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void assertInvalid(Object body, String field) {
        ResponseEntity<JsonNode> response = call(HttpMethod.POST, "/api/views", body, admin());
        assertThat(response.getStatusCode().value()).as(body.toString()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).as(body.toString()).startsWith(field + " ");
        assertThat(response.getBody().get("parameter").asText()).isEqualTo(field);
    }

    private static JsonNode onlyView(JsonNode list, String id) {
        for (JsonNode view : list.get("items")) {
            if (view.get("id").asText().equals(id)) {
                return view;
            }
        }
        throw new AssertionError("view " + id + " is not listed in " + list);
    }

    private static List<String> ticketIds(JsonNode page) {
        return page.get("items").findValuesAsText("ticketId");
    }
}
