package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.autocrm.deploy.RunningSystem;
import org.autocrm.deploy.TestTenant;
import org.junit.jupiter.api.Test;

/**
 * The web application clicked through in Debian's Chromium against the running system, as people would use it
 * (web/e2e/journeys.mjs, playwright-core from the web module's node_modules). Screenshots of each journey's key
 * screens land in target/browser-screenshots.
 */
class BrowserJourneysIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aCustomerSubmitsInThePortalAndSeesTheAgentsReplyButNeverTheInternalNoteAndAStaleWriteIsResolved() throws Exception {
        TestTenant tenant = TestTenant.create("web");
        TestTenant.Member agent = tenant.staff("alex", "agent", List.of());
        TestTenant.Member lead = tenant.staff("lee", "team_lead", List.of());
        TestTenant.Member customer = tenant.customer(customerOf(tenant));

        JourneyScripts.Result journey = JourneyScripts.run("e2e/journeys.mjs", Map.of("TENANT", tenant.id(), "CUSTOMER_EMAIL", customer.email(),
                "AGENT_EMAIL", agent.email(), "LEAD_EMAIL", lead.email(), "ADMIN_EMAIL", tenant.admin().email()));

        System.out.println(journey.output()); // the steps and the measured first loads, in the test's output
        assertThat(journey.exitCode()).as("journeys.mjs:\n%s", journey.output()).isZero();
        assertThat(journey.output())
                .contains("admin created an API key, shown once")
                .contains("the portal form offers the new category")
                .contains("customer submitted #")
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

    /** A customer of ticket-service, created by the tenant's admin, for whom a portal account is then made. */
    private static String customerOf(TestTenant tenant) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(RunningSystem.gateway("/api/customers")))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", tenant.admin().bearer())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Sarah Chen","emails":["sarah@%s.test"],"company":"Acme Corp"}""".formatted(tenant.id())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("customerId").asText();
    }
}
