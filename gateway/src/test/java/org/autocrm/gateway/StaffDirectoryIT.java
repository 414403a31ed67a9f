package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.autocrm.gateway.support.Identities;
import org.autocrm.identity.directory.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/staff}: an agent sees the colleagues to mention or assign (active staff of their own tenant, by
 * name); customers are refused and never listed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "autocrm.gateway.rate-limit.enabled=false")
class StaffDirectoryIT {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private WebTestClient client;
    @Autowired
    private ApplicationContext context;

    private Identities identities;
    private String tenant;

    @BeforeEach
    void newTenant() {
        identities = new Identities(context);
        tenant = identities.newTenant();
    }

    @Test
    void anAgentSeesTheActiveStaffOfTheirTenantByNameButNoCustomerAndNoOneDeactivated() {
        Account agent = identities.user(tenant, "agent", "tier-1");
        Account lead = identities.user(tenant, "team_lead", "billing");
        Account admin = identities.user(tenant, "admin");
        Account leaver = identities.user(tenant, "agent");
        identities.customer(tenant, "sarah");
        identities.user(identities.newTenant(), "agent"); // another tenant's
        client.post().uri("/api/admin/users/" + leaver.id() + "/deactivate")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin)).exchange().expectStatus().isOk();

        List<Map<String, Object>> staff = client.get().uri("/api/staff")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(agent)).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_LIST).returnResult().getResponseBody();

        assertThat(staff).extracting(member -> member.get("id")).containsExactly(admin.id(), agent.id(), lead.id());
        assertThat(staff.get(2)).containsEntry("role", "team_lead").containsEntry("groups", List.of("billing"))
                .containsEntry("email", lead.email()).doesNotContainKeys("locked", "customerId", "active");
    }

    @Test
    void aCustomerMayNotReadTheStaffDirectory() {
        Account customer = identities.customer(tenant, "sarah");

        client.get().uri("/api/staff").header(HttpHeaders.AUTHORIZATION, identities.bearer(customer)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/staff").exchange().expectStatus().isUnauthorized();
    }
}
