package org.autocrm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Loads a handful of realistic tickets into the demo tenant through the public API. */
final class DemoData {

    static final String TENANT = "demo";
    static final String AGENT = "demo-agent";

    private static final List<Map<String, String>> TICKETS = List.of(
            Map.of("subject", "Cannot access dashboard", "description", "Unable to log in since the password reset.",
                    "customerId", "sarah@acme.example", "priority", "HIGH", "channel", "phone"),
            Map.of("subject", "Invoice shows the wrong VAT rate", "description", "Invoice 2026-118 uses 19% instead of 7%.",
                    "customerId", "tom@globex.example", "priority", "MEDIUM", "channel", "email"),
            Map.of("subject", "Export to CSV times out", "description", "The monthly export never finishes.",
                    "customerId", "li@initech.example", "priority", "URGENT", "channel", "portal"),
            Map.of("subject", "How do I add a second admin?", "description", "We need a backup administrator.",
                    "customerId", "sarah@acme.example", "priority", "LOW", "channel", "chat"));

    private final String gateway;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    DemoData(String gateway) {
        this.gateway = gateway;
    }

    /** Creates the demo tickets unless the demo tenant already has tickets (a restart keeps them). */
    void loadIfEmpty() throws IOException, InterruptedException {
        HttpResponse<String> existing = http.send(request("/api/tickets?size=1").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (existing.statusCode() == 200 && json.readTree(existing.body()).path("total").asLong() > 0) {
            System.out.println("Demo data already loaded.");
            return;
        }
        for (Map<String, String> ticket : TICKETS) {
            HttpResponse<String> created = http.send(request("/api/tickets")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(ticket))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Demo ticket refused: " + created.statusCode() + " " + created.body());
            }
            JsonNode body = json.readTree(created.body());
            System.out.println("Demo ticket #" + body.path("number").asLong() + " " + ticket.get("subject"));
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-AutoCRM-Tenant", TENANT)
                .header("X-AutoCRM-User", AGENT);
    }
}
