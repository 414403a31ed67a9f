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
 * browser back to the sign-in page with a message. Screenshots land in target/browser-screenshots.
 */
class AdminJourneyIT {

    @Test
    void aCustomFieldReachesThePortalFormTheDashboardDrawsItsChartsAndSingleSignOnIsOfferedAtSignIn() {
        TestTenant tenant = TestTenant.create("admin");
        TestTenant.Member lead = tenant.staff("lee", "team_lead", List.of());
        TestTenant.Member customer = tenant.customer(tenant.newCustomer("Noah Weber", "noah@" + tenant.id() + ".test", "Weber GmbH"));

        JourneyScripts.Result journey = JourneyScripts.run("admin.mjs", Map.of("TENANT", tenant.id(),
                "ADMIN_EMAIL", tenant.admin().email(), "LEAD_EMAIL", lead.email(), "CUSTOMER_EMAIL", customer.email()));

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
                .doesNotContain("accessibility violations");
        assertThat(JourneyScripts.screenshots().resolve("admin-03-dashboard.png")).isNotEmptyFile();
        assertThat(JourneyScripts.screenshots().resolve("admin-05-sign-in-with-sso.png")).isNotEmptyFile();
    }
}
