package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.autocrm.deploy.TestTenant;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's story in three browsers against the running system (web/e2e/story.mjs): Maria creates the customer and
 * the ticket, Lisa gives it to a group, Alex takes it from his group's tab, works and resolves it while Maria's page
 * follows live, Lisa closes it. Screenshots: target/browser-screenshots/story-*.
 */
class StoryJourneyIT {

    @Test
    void mariaOpensTheTicketLisaRoutesItAlexResolvesItAndLisaClosesIt() {
        TestTenant tenant = TestTenant.create("story");
        TestTenant.Member maria = tenant.staff("maria", "agent", List.of());
        TestTenant.Member alex = tenant.staff("alex", "agent", List.of("technical-support"));

        JourneyScripts.Result journey = JourneyScripts.run("story.mjs", Map.of("TENANT", tenant.id(),
                "MARIA_EMAIL", maria.email(), "ALEX_EMAIL", alex.email(), "LISA_EMAIL", tenant.admin().email(),
                "GROUP", "technical-support"));

        System.out.println(journey.output());
        assertThat(journey.exitCode()).as("story.mjs:\n%s", journey.output()).isZero();
        assertThat(journey.output())
                .contains("Maria created Sarah Chen of Acme Corp as a customer")
                .contains("Lisa assigned the ticket to the group technical-support")
                .contains("Alex assigned the ticket to himself; it is no longer the group's")
                .contains("Alex wrote two internal notes, the second with the lockout log attached")
                .contains("Maria's page says, without a reload, that the ticket is now someone else's")
                .contains("Lisa's page shows it resolved, with Alex's notes, without a reload")
                .contains("its history tells every step from creation to closing")
                .doesNotContain("accessibility violations");
        assertThat(JourneyScripts.screenshots().resolve("story-04-lisa-closed-history.png")).isNotEmptyFile();
    }
}
