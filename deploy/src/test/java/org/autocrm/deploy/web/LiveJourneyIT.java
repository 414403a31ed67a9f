package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.autocrm.deploy.TestTenant;
import org.junit.jupiter.api.Test;

/**
 * The live agent workspace in two browsers against the running system (web/e2e/live.mjs): a ticket opened
 * elsewhere, a colleague's presence and typing, their reply and their assignment reach the other agent's page
 * without a reload; two tickets are assigned in one bulk change. Screenshots: target/browser-screenshots/live-*.
 */
class LiveJourneyIT {

    @Test
    void aSecondAgentSeesTheFirstAgentsChangesAndPresenceWithoutReloadAndAssignsTwoTicketsAtOnce() {
        TestTenant tenant = TestTenant.create("live");
        TestTenant.Member alex = tenant.staff("alex", "agent", List.of());
        TestTenant.Member blake = tenant.staff("blake", "agent", List.of());

        JourneyScripts.Result journey = JourneyScripts.run("e2e/live.mjs", Map.of("TENANT", tenant.id(),
                "AGENT_EMAIL", alex.email(), "AGENT2_EMAIL", blake.email(),
                "ADMIN_TOKEN", tenant.admin().accessToken(), "CUSTOMER_ID", tenant.newCustomer("Dana Live", "dana@" + tenant.id() + ".test", "Live Corp")));

        System.out.println(journey.output());
        assertThat(journey.exitCode()).as("live.mjs:\n%s", journey.output()).isZero();
        assertThat(journey.output())
                .contains("the new ticket appeared in the second agent's queue without a reload")
                .contains("the second agent sees the first agent viewing the ticket")
                .contains("the second agent sees the first agent typing")
                .contains("the first agent's reply appeared in the second agent's conversation without a reload")
                .contains("the assigned ticket left the second agent's unassigned queue without a reload")
                .contains("bulk assignment: 2 changed, 0 refused")
                .contains("both tickets are in the second agent's own queue")
                .doesNotContain("accessibility violations");
        assertThat(JourneyScripts.screenshots().resolve("live-01-presence-typing.png")).isNotEmptyFile();
        assertThat(JourneyScripts.screenshots().resolve("live-04-bulk-result.png")).isNotEmptyFile();
    }
}
