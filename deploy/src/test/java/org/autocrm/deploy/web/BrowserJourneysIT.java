package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.autocrm.deploy.RunningSystem;
import org.autocrm.deploy.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web application clicked through in Debian's Chromium against the running system, as people would use it
 * (web/e2e/journeys.mjs, playwright-core from the web module's node_modules). Screenshots of each journey's key
 * screens land in target/browser-screenshots.
 */
class BrowserJourneysIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("autocrm.chromium", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path web;

    @BeforeAll
    static void browserAndScript() {
        assertThat(CHROMIUM).as("Debian's Chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
        web = Path.of(System.getProperty("autocrm.home", "..")).toAbsolutePath().normalize().resolve("web");
        assertThat(web.resolve("node_modules/playwright-core")).as("the web module's npm ci has run").isDirectory();
    }

    @Test
    void aCustomerSubmitsInThePortalAndSeesTheAgentsReplyButNeverTheInternalNoteAndAStaleWriteIsResolved() throws Exception {
        TestTenant tenant = TestTenant.create("web");
        TestTenant.Member agent = tenant.staff("alex", "agent", List.of());
        TestTenant.Member lead = tenant.staff("lee", "team_lead", List.of());
        TestTenant.Member customer = tenant.customer(customerOf(tenant));

        Journey journey = run(Map.of("TENANT", tenant.id(), "CUSTOMER_EMAIL", customer.email(),
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
        assertThat(screenshots().resolve("06-portal-ticket-with-reply.png")).isNotEmptyFile();
    }

    record Journey(int exitCode, String output) {
    }

    private static Journey run(Map<String, String> variables) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/journeys.mjs").directory(web.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(variables);
        builder.environment().put("BASE_URL", RunningSystem.gateway(""));
        builder.environment().put("PASSWORD", TestTenant.PASSWORD);
        builder.environment().put("SCREENSHOTS", screenshots().toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        byte[] output;
        try {
            // the script bounds every wait itself; this only stops a hung browser
            output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Journey(-1, new String(output, StandardCharsets.UTF_8) + "\n(timed out)");
            }
        } finally {
            process.destroy();
        }
        return new Journey(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Path screenshots() throws IOException {
        return Files.createDirectories(Path.of("target", "browser-screenshots").toAbsolutePath());
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
