package org.autocrm.query.ticketsearch;

import org.autocrm.query.EventStreamIntegration;
import org.autocrm.access.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * docs/permissions.md, walked through for query-service with signed tokens as the gateway issues
 * them: every role against every read, on tickets each role may or may not see, and from another
 * tenant. A ticket the caller may not know exists is 404, never 403.
 */
class PermissionMatrixIT extends EventStreamIntegration {

    /** Who reads; a column of the matrix. */
    enum Role { ADMIN, TEAM_LEAD, AGENT, CUSTOMER, API_KEY, API_KEY_WITHOUT_SCOPE, OTHER_TENANTS_ADMIN, AUTOMATION, BAD_TOKEN }

    private RestClient http;
    private TicketEvents sarahsUnassigned;
    private TicketEvents sarahsOfAnotherGroup;
    private TicketEvents omarsOfAnotherAgent;

    @BeforeEach
    void tickets() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        sarahsUnassigned = ticket("Nobody has it yet");
        sarahsOfAnotherGroup = ticket("With tier 2").assigned(null, "tier-2");
        omarsOfAnotherAgent = ticket("Omar's, with Bruno", Map.of("customerId", "omar")).assigned("bruno", null);
        for (TicketEvents t : new TicketEvents[] {sarahsUnassigned, sarahsOfAnotherGroup, omarsOfAnotherAgent}) {
            awaitVersion(t);
        }
    }

    static Stream<Arguments> matrix() {
        // endpoint, then the statuses of ADMIN, TEAM_LEAD, AGENT, CUSTOMER, API_KEY, API_KEY_WITHOUT_SCOPE,
        // OTHER_TENANTS_ADMIN, AUTOMATION (refused everywhere: query-service grants it no scope; BAD_TOKEN is always 401)
        Object[][] rows = {
                {"list and search", "/api/tickets", new int[] {200, 200, 200, 200, 200, 403, 200, 403}},
                {"a ticket everyone of the tenant sees", "/api/tickets/{unassigned}",
                        new int[] {200, 200, 200, 200, 200, 403, 404, 403}},
                {"a ticket of another group", "/api/tickets/{otherGroup}",
                        new int[] {200, 200, 404, 200, 200, 403, 404, 403}},
                {"another customer's ticket of another agent", "/api/tickets/{otherAgent}",
                        new int[] {200, 200, 404, 404, 200, 403, 404, 403}},
                {"queue statistics", "/api/tickets/queue", new int[] {200, 200, 200, 200, 200, 403, 200, 403}},
                {"the customer's tickets", "/api/customers/sarah/tickets",
                        new int[] {200, 200, 200, 200, 200, 403, 200, 403}},
                {"another customer's tickets", "/api/customers/omar/tickets",
                        new int[] {200, 200, 200, 404, 200, 403, 200, 403}},
                {"metrics", "/api/metrics/tickets", new int[] {200, 200, 200, 403, 200, 403, 200, 403}},
                {"a ticket's conversation", "/api/tickets/{unassigned}/messages",
                        new int[] {200, 200, 200, 200, 200, 403, 404, 403}},
                {"the conversation of another group's ticket", "/api/tickets/{otherGroup}/messages",
                        new int[] {200, 200, 404, 200, 200, 403, 404, 403}},
                {"presence on a ticket everyone of the tenant sees", "/api/presence/tickets/{unassigned}",
                        new int[] {200, 200, 200, 403, 403, 403, 404, 403}},
                {"presence on another group's ticket", "/api/presence/tickets/{otherGroup}",
                        new int[] {200, 200, 404, 403, 403, 403, 404, 403}},
        };
        List<Arguments> cases = new ArrayList<>();
        for (Object[] row : rows) {
            int[] statuses = (int[]) row[2];
            for (Role role : Role.values()) {
                cases.add(Arguments.of(row[0], row[1], role, role == Role.BAD_TOKEN ? 401 : statuses[role.ordinal()]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{2} {0} -> {3}")
    @MethodSource("matrix")
    void everyRoleGetsWhatTheMatrixSays(String endpoint, String path, Role role, int expected) {
        ResponseEntity<JsonNode> response = read(path.replace("{unassigned}", sarahsUnassigned.id)
                .replace("{otherGroup}", sarahsOfAnotherGroup.id)
                .replace("{otherAgent}", omarsOfAnotherAgent.id), role);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        if (role == Role.API_KEY_WITHOUT_SCOPE && !path.startsWith("/api/presence")) {
            assertThat(response.getBody().get("scope").asText()).isEqualTo("tickets:read");
        }
        if (role == Role.AUTOMATION) {
            assertThat(response.getBody().get("code").asText()).isEqualTo("MISSING_SCOPE");
        }
        if (role == Role.BAD_TOKEN) {
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void theListHoldsExactlyTheTicketsEachRoleMaySee() {
        List<String> all = List.of(sarahsUnassigned.id, sarahsOfAnotherGroup.id, omarsOfAnotherAgent.id);

        assertThat(ids(Role.ADMIN)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(ids(Role.TEAM_LEAD)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(ids(Role.API_KEY)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(ids(Role.AGENT)).containsExactly(sarahsUnassigned.id);
        assertThat(ids(Role.CUSTOMER)).containsExactlyInAnyOrder(sarahsUnassigned.id, sarahsOfAnotherGroup.id);
        assertThat(ids(Role.OTHER_TENANTS_ADMIN)).isEmpty();
    }

    @Test
    void anApiKeyWithTicketsReadSearchesInternalNotesAsStaffDoButCustomersCannot() {
        TicketEvents noted = ticket("With notes").message("internal", "Customer flies a zeppelin", "agent");
        awaitVersion(noted);

        assertThat(ids(Role.API_KEY, "&q=zeppelin")).containsExactly(noted.id);
        assertThat(read("/api/tickets/" + noted.id, Role.API_KEY).getBody().get("internalMessages").asInt()).isEqualTo(1);
        assertThat(ids(Role.CUSTOMER, "&q=zeppelin")).isEmpty();
        assertThat(read("/api/tickets/" + noted.id, Role.CUSTOMER).getBody().get("internalMessages").asInt()).isZero();
    }

    private List<String> ids(Role role) {
        return ids(role, "");
    }

    private List<String> ids(Role role, String parameters) {
        JsonNode page = read("/api/tickets?size=100" + parameters, role).getBody();
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("ticketId").asText()).toList();
    }

    private ResponseEntity<JsonNode> read(String path, Role role) {
        return http.get().uri(path).header("Authorization", "Bearer " + token(role))
                .retrieve().toEntity(JsonNode.class);
    }

    private String token(Role role) {
        return switch (role) {
            case ADMIN -> TestTokens.valid(tenant, "ada", "admin");
            case TEAM_LEAD -> TestTokens.valid(tenant, "tom", "team_lead");
            case AGENT -> TestTokens.token(tenant, "maria", "agent").groups("tier-1").sign();
            case CUSTOMER -> TestTokens.valid(tenant, "sarah", "customer");
            case API_KEY -> TestTokens.token(tenant, "key-7", "api_key").scope("tickets:read").sign();
            case API_KEY_WITHOUT_SCOPE -> TestTokens.token(tenant, "key-8", "api_key").scope("customers:read").sign();
            case OTHER_TENANTS_ADMIN -> TestTokens.valid("tenant-" + UUID.randomUUID(), "ada", "admin");
            case AUTOMATION -> TestTokens.token(tenant, "routing-service", "automation").sign();
            case BAD_TOKEN -> TestTokens.token(tenant, "ada", "admin").signedWith(TestTokens.unknownKey()).sign();
        };
    }
}
