package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.autocrm.deploy.TestTenant;
import org.junit.jupiter.api.Test;

/**
 * The rich-text composer in Chromium (web/e2e/composer.mjs): an agent writes a formatted reply with a canned
 * response and an attachment, then previews and applies a macro a team lead made (Pending and a tag); the customer sees it formatted in the portal and downloads the file; a message
 * carrying script is shown without running it, in the workspace and in the portal.
 */
class ComposerJourneyIT {

    @Test
    void anAgentsFormattedReplyWithACannedResponseAndAnAttachmentReachesThePortalFormattedAndScriptNeverRuns() {
        TestTenant tenant = TestTenant.create("composer");
        TestTenant.Member agent = tenant.staff("ada", "agent", List.of());
        String customerId = tenant.newCustomer("Sarah Chen", "sarah@" + tenant.id() + ".test", "Acme Corp");
        TestTenant.Member customer = tenant.customer(customerId);
        tenant.created(tenant.admin(), "/api/tickets/canned-responses",
                Map.of("title", "Printer restart", "body", "Please switch the printer off and on again."), "cannedResponseId");
        // a macro, made by a team lead (who may manage them): the reply and the changes it makes
        TestTenant.Member lead = tenant.staff("lee", "team_lead", List.of());
        tenant.created(lead, "/api/tickets/canned-responses", Map.of("title", "Waiting for vendor",
                "body", "Hi {{customer.name}}, we asked the printer vendor about ticket {{ticket.number}}.",
                "actions", Map.of("setStatus", "PENDING", "addTags", List.of("vendor"))), "cannedResponseId");
        String ticketId = tenant.created(customer, "/api/tickets", Map.of("customerId", customerId,
                "subject", "Printer on floor 3 is jammed", "description", "Paper stuck."), "ticketId");
        // what a hostile sender could put in a message: it must be shown harmless, never run
        tenant.created(customer, "/api/tickets/" + ticketId + "/responses", Map.of("visibility", "public", "body",
                "<p>Evil <b>bold</b><img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script></p>"),
                "messageId");

        JourneyScripts.Result journey = JourneyScripts.run("composer.mjs", Map.of("TENANT", tenant.id(),
                "AGENT_EMAIL", agent.email(), "CUSTOMER_EMAIL", customer.email(), "TICKET_ID", ticketId));

        System.out.println(journey.output());
        assertThat(journey.exitCode()).as("composer.mjs:\n%s", journey.output()).isZero();
        assertThat(journey.output())
                .contains("agent sent a formatted reply with a canned response and two attachments")
                .contains("the script in a message did not run in the workspace")
                .contains("agent previewed and applied a macro: the ticket is Pending with the tag vendor")
                .contains("customer sees the reply formatted, with the canned response")
                .contains("customer downloaded steps.txt")
                .contains("the script in a message did not run in the portal")
                .doesNotContain("accessibility violations");
        assertThat(JourneyScripts.screenshots().resolve("composer-02-portal-formatted-reply.png")).isNotEmptyFile();
        assertThat(JourneyScripts.screenshots().resolve("composer-03-macro-preview.png")).isNotEmptyFile();
    }
}
