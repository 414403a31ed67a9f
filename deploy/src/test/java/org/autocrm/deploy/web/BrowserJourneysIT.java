package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.autocrm.deploy.TestTenant;
import org.junit.jupiter.api.Test;

/**
 * The web application clicked through in Debian's Chromium against the running system, as people would use it
 * (web/e2e/journeys.mjs, playwright-core from the web module's node_modules). Screenshots of each journey's key
 * screens land in target/browser-screenshots.
 */
class BrowserJourneysIT {

    @Test
    void aCustomerSubmitsInThePortalAndSeesTheAgentsReplyButNeverTheInternalNoteAndAStaleWriteIsResolved() {
        TestTenant tenant = TestTenant.create("web");
        TestTenant.Member agent = tenant.staff("alex", "agent", List.of());
        TestTenant.Member lead = tenant.staff("lee", "team_lead", List.of());
        TestTenant.Member customer = tenant.customer(tenant.newCustomer("Sarah Chen", "sarah@" + tenant.id() + ".test", "Acme Corp"));

        JourneyScripts.Result journey = JourneyScripts.run("e2e/journeys.mjs", Map.of("TENANT", tenant.id(), "CUSTOMER_EMAIL", customer.email(),
                "AGENT_EMAIL", agent.email(), "LEAD_EMAIL", lead.email(), "ADMIN_EMAIL", tenant.admin().email()));

        System.out.println(journey.output()); // the steps and the measured first loads, in the test's output
        assertThat(journey.exitCode()).as("journeys.mjs:\n%s", journey.output()).isZero();
        assertThat(journey.output())
                .contains("admin created an API key, shown once")
                .contains("the portal form offers the new category")
                .contains("customer submitted #")
                .contains("agent sees the file the customer sent with the request")
                .contains("agent sees the ticket in the unassigned queue")
                .contains("after a reload the agent is still signed in")
                .contains("customer sees the public reply and not the internal note")
                .contains("stale status change opened the conflict dialog")
                .contains("agent re-applied the change")
                .contains("the queue exported as CSV names the ticket")
                .contains("customer rated the resolved ticket")
                .contains("the portal fits a phone")
                .doesNotContain("accessibility violations");
        assertThat(JourneyScripts.screenshots().resolve("06-portal-ticket-with-reply.png")).isNotEmptyFile();
    }
}
