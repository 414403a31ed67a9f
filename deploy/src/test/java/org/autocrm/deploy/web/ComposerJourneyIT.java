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
 * The rich-text composer in Chromium (web/e2e/composer.mjs): an agent writes a formatted reply with a canned
 * response and an attachment; the customer sees it formatted in the portal and downloads the file; a message
 * carrying script is shown without running it, in the workspace and in the portal.
 */
class ComposerJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void anAgentsFormattedReplyWithACannedResponseAndAnAttachmentReachesThePortalFormattedAndScriptNeverRuns() throws Exception {
        TestTenant tenant = TestTenant.create("composer");
        TestTenant.Member agent = tenant.staff("ada", "agent", List.of());
        String customerId = created(tenant.admin(), "/api/customers", """
                {"name":"Sarah Chen","emails":["sarah@%s.test"],"company":"Acme Corp"}""".formatted(tenant.id()), "customerId");
        TestTenant.Member customer = tenant.customer(customerId);
        created(tenant.admin(), "/api/tickets/canned-responses", """
                {"title":"Printer restart","body":"Please switch the printer off and on again."}""", "cannedResponseId");
        String ticketId = created(customer, "/api/tickets", """
                {"customerId":"%s","subject":"Printer on floor 3 is jammed","description":"Paper stuck."}""".formatted(customerId),
                "ticketId");
        // what a hostile sender could put in a message: it must be shown harmless, never run
        created(customer, "/api/tickets/" + ticketId + "/responses", """
                {"body":"<p>Evil <b>bold</b><img src=x onerror=\\"document.title='pwned'\\"><script>document.title='pwned'</script></p>","visibility":"public"}""",
                "messageId");

        JourneyScripts.Result journey = JourneyScripts.run("composer.mjs", Map.of("TENANT", tenant.id(),
                "AGENT_EMAIL", agent.email(), "CUSTOMER_EMAIL", customer.email(), "TICKET_ID", ticketId));

        System.out.println(journey.output());
        assertThat(journey.exitCode()).as("composer.mjs:\n%s", journey.output()).isZero();
        assertThat(journey.output())
                .contains("agent sent a formatted reply with a canned response and two attachments")
                .contains("the script in a message did not run in the workspace")
                .contains("customer sees the reply formatted, with the canned response")
                .contains("customer downloaded steps.txt")
                .contains("the script in a message did not run in the portal")
                .doesNotContain("accessibility violations");
        assertThat(JourneyScripts.screenshots().resolve("composer-02-portal-formatted-reply.png")).isNotEmptyFile();
    }

    /** Posts as {@code who} and answers the created resource's id. */
    private static String created(TestTenant.Member who, String path, String body, String idField) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(RunningSystem.gateway(path)))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", who.bearer()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", path, response.body()).isBetween(200, 201);
        return JSON.readTree(response.body()).path(idField).asText();
    }
}
