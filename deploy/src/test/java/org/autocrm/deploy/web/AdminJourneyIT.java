package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.autocrm.deploy.TestTenant;
import org.junit.jupiter.api.Test;

/**
 * The admin console and the manager dashboard clicked through in Chromium against the running system
 * (web/e2e/admin.mjs): a custom field an admin defines for customers appears on the portal's submit form, with its
 * validation, and a team lead's dashboard draws its charts; single sign-on an admin sets up is offered on the
 * sign-in page for the tenant (its secret never shown again), and a provider that cannot be reached sends the
 * browser back to the sign-in page with a message. The admin writes a routing rule (the customer's category to a
 * group), sees the API's 422 for a bad condition next to that condition, and dry-runs the rule on the customer's
 * real ticket ("would match", assigning the group); a team lead sees the rules read-only. The admin writes an SLA
 * calendar (time zone, hours, a holiday) and a policy counting in it, sets the group to round robin and its agent
 * available with the group; the team lead switches their own availability in the workspace header and it stays after
 * a reload. Screenshots land in target/browser-screenshots.
 */
class AdminJourneyIT {

    @Test
    void aCustomFieldReachesThePortalFormTheDashboardDrawsItsChartsSingleSignOnIsOfferedAndARoutingRuleIsTried() {
        TestTenant tenant = TestTenant.create("admin");
        TestTenant.Member lead = tenant.staff("lee", "team_lead", List.of());
        TestTenant.Member customer = tenant.customer(tenant.newCustomer("Noah Weber", "noah@" + tenant.id() + ".test", "Weber GmbH"));
        // the routing rule's vocabulary: a category the customer picks, a group the staff directory knows (its member)
        tenant.created(tenant.admin(), "/api/tickets/categories", Map.of("name", "Network"), "categoryId");
        tenant.staff("nina", "agent", List.of("network-team"));

        JourneyScripts.Result journey = JourneyScripts.run("admin.mjs", Map.of("TENANT", tenant.id(),
                "ADMIN_EMAIL", tenant.admin().email(), "LEAD_EMAIL", lead.email(), "CUSTOMER_EMAIL", customer.email(),
                "CATEGORY", "Network", "GROUP", "network-team", "AGENT_NAME", "nina"));

        System.out.println(journey.output());
        assertThat(journey.exitCode()).as("admin.mjs:\n%s", journey.output()).isZero();
        assertThat(journey.output())
                .contains("the portal form shows the new custom field and not the agents-only one")
                .contains("with product_line=Router")
                .contains("the dashboard drew")
                .contains("the team lead created a canned response in the console")
                .contains("the page says the secret is set and never shows it")
                .contains("the sign-in page offers \"Sign in with single sign-on (Acme Login)\" for the tenant")
                .contains("came back to the sign-in page with a message")
                .contains("admin turned single sign-on off")
                .contains("the API refused the bad condition with 422 and the page shows it next to its value")
                .contains("admin created the rule \"Network to network-team\"")
                .contains("the dry run says the rule would match #")
                .contains("the team lead sees the rules read-only")
                .contains("admin created the SLA calendar \"Journey hours\"")
                .contains("admin created the SLA policy \"Journey policy\" in the calendar \"Journey hours\"")
                .contains("admin set the group network-team to round robin")
                .contains("admin made nina available in network-team")
                .contains("the team lead switched to available in the workspace header, and it stays after a reload")
                .doesNotContain("accessibility violations");
        assertThat(JourneyScripts.screenshots().resolve("admin-03-dashboard.png")).isNotEmptyFile();
        assertThat(JourneyScripts.screenshots().resolve("admin-05-sign-in-with-sso.png")).isNotEmptyFile();
        assertThat(JourneyScripts.screenshots().resolve("admin-08-rule-dry-run.png")).isNotEmptyFile();
        assertThat(JourneyScripts.screenshots().resolve("admin-12-sla-list.png")).isNotEmptyFile();
        assertThat(JourneyScripts.screenshots().resolve("admin-13-assignment.png")).isNotEmptyFile();
    }
}
