package org.autocrm.query.ticketsearch;

import org.autocrm.query.EventStreamIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who sees which tickets: the same rules in the list, by id, in full-text search and in a customer's history. */
class TicketVisibilityIT extends EventStreamIntegration {

    private TicketEvents alexs;
    private TicketEvents billingGroups;
    private TicketEvents unassigned;
    private TicketEvents someoneElses;
    private TicketEvents otherCustomers;

    @BeforeEach
    void tickets() {
        alexs = ticket("Assigned to alex").assigned("alex", null);
        billingGroups = ticket("Assigned to billing").assigned(null, "billing");
        unassigned = ticket("Nobody has it yet");
        someoneElses = ticket("Assigned to sam").assigned("sam", null);
        otherCustomers = ticket("Another customer's", Map.of("customerId", "omar")).assigned(null, "sales");
        for (TicketEvents t : new TicketEvents[] {alexs, billingGroups, unassigned, someoneElses, otherCustomers}) {
            awaitVersion(t);
        }
    }

    @Test
    void adminsAndTeamLeadsSeeEveryTicketOfTheirTenant() {
        assertThat(ids(admin())).containsExactlyInAnyOrder(alexs.id, billingGroups.id, unassigned.id,
                someoneElses.id, otherCustomers.id);
        assertThat(ids(teamLead())).containsExactlyInAnyOrder(alexs.id, billingGroups.id, unassigned.id,
                someoneElses.id, otherCustomers.id);
        assertThat(get("/api/tickets/" + someoneElses.id, teamLead()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void agentsSeeTheirOwnTheirGroupsAndUnassignedTickets() {
        As alex = agent("alex", "billing, support");

        assertThat(ids(alex)).containsExactlyInAnyOrder(alexs.id, billingGroups.id, unassigned.id);
        assertThat(get("/api/tickets/" + billingGroups.id, alex).getStatusCode().value()).isEqualTo(200);
        assertThat(ids(agent("alex", null))).containsExactlyInAnyOrder(alexs.id, unassigned.id);
    }

    @Test
    void aTicketTheCallerMayNotSeeIsNotFoundRatherThanForbidden() {
        ResponseEntity<JsonNode> response = get("/api/tickets/" + someoneElses.id, agent("alex", "billing"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/tickets/" + otherCustomers.id, customer("sarah")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void customersSeeOnlyTheirOwnTickets() {
        assertThat(ids(customer("omar"))).containsExactly(otherCustomers.id);
        assertThat(ids(customer("sarah"))).containsExactlyInAnyOrder(alexs.id, billingGroups.id, unassigned.id,
                someoneElses.id);
        assertThat(ids(customer("nobody"))).isEmpty();
    }

    @Test
    void nothingCrossesTenants() {
        As foreignAdmin = new As("tenant-" + UUID.randomUUID(), "ada", "admin", null);

        assertThat(ids(foreignAdmin)).isEmpty();
        assertThat(get("/api/tickets/" + alexs.id, foreignAdmin).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/customers/sarah/tickets", foreignAdmin).getBody().get("total").asLong()).isZero();
        assertThat(get("/api/tickets/queue", foreignAdmin).getBody().get("byStatus").size()).isZero();
    }

    @Test
    void internalNotesAreSearchableByStaffOnlyAndNeverShownToCustomers() {
        unassigned.message("internal", "suspect the flux capacitor", "agent")
                .message("admin_only", "refund approved by finance", "admin")
                .message("public", "we are looking into the gizmo", "agent");
        awaitVersion(unassigned);

        assertThat(ids("/api/tickets?q=capacitor", agent("alex", null))).containsExactly(unassigned.id);
        assertThat(ids("/api/tickets?q=capacitor", customer("sarah"))).isEmpty();
        assertThat(ids("/api/tickets?q=finance", admin())).containsExactly(unassigned.id);
        assertThat(ids("/api/tickets?q=finance", agent("alex", null))).isEmpty();
        assertThat(ids("/api/tickets?q=gizmo", customer("sarah"))).containsExactly(unassigned.id);

        JsonNode seenByCustomer = get("/api/tickets/" + unassigned.id, customer("sarah")).getBody();
        assertThat(seenByCustomer.get("internalMessages").asInt()).isZero();
        assertThat(seenByCustomer.get("publicMessages").asInt()).isEqualTo(1);
        assertThat(seenByCustomer.toString()).doesNotContain("capacitor", "finance", "gizmo");
        JsonNode listedForCustomer = get("/api/tickets?q=gizmo", customer("sarah")).getBody();
        assertThat(listedForCustomer.toString()).doesNotContain("capacitor", "finance");
        assertThat(listedForCustomer.get("items").get(0).get("internalMessages").asInt()).isZero();
        assertThat(get("/api/tickets/" + unassigned.id, agent("alex", null)).getBody()
                .get("internalMessages").asInt()).as("an agent does not count the admin-only note").isEqualTo(1);
        assertThat(get("/api/tickets/" + unassigned.id, admin()).getBody()
                .get("internalMessages").asInt()).isEqualTo(2);
    }

    @Test
    void aCustomersHistoryIsForStaffAndForThatCustomerOnlyNewestFirst() {
        assertThat(ids("/api/customers/omar/tickets", admin())).containsExactly(otherCustomers.id);
        assertThat(ids("/api/customers/omar/tickets", customer("omar"))).containsExactly(otherCustomers.id);
        assertThat(ids("/api/customers/omar/tickets", agent("alex", "sales"))).containsExactly(otherCustomers.id);
        assertThat(ids("/api/customers/omar/tickets", agent("alex", null))).isEmpty();
        assertThat(ids("/api/customers/sarah/tickets", admin())).containsExactly(someoneElses.id, unassigned.id,
                billingGroups.id, alexs.id);

        ResponseEntity<JsonNode> someoneElsesHistory = get("/api/customers/omar/tickets", customer("sarah"));
        assertThat(someoneElsesHistory.getStatusCode().value()).isEqualTo(404);
        assertThat(someoneElsesHistory.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBadRoleOrGroupHeaderIsAProblem() {
        ResponseEntity<JsonNode> badRole = get("/api/tickets", new As(tenant, "ada", "superuser", null));
        assertThat(badRole.getStatusCode().value()).isEqualTo(400);
        assertThat(badRole.getBody().get("detail").asText()).contains("X-AutoCRM-Role");

        ResponseEntity<JsonNode> badGroups = get("/api/tickets", new As(tenant, "ada", "agent", "ok, not ok!"));
        assertThat(badGroups.getStatusCode().value()).isEqualTo(400);
        assertThat(badGroups.getBody().get("detail").asText()).contains("X-AutoCRM-Groups");
    }

    private java.util.List<String> ids(As as) {
        return ids("/api/tickets?size=100", as);
    }

    private java.util.List<String> ids(String path, As as) {
        ResponseEntity<JsonNode> response = get(path, as);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return response.getBody().get("items").findValuesAsText("ticketId");
    }
}
