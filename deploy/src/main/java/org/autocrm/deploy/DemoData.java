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

/**
 * Loads a handful of realistic customers and tickets into the demo tenant through the public API,
 * signed in as the demo admin the gateway creates ({@code autocrm.identity.demo-data}), and gives the
 * first customer a portal account.
 */
final class DemoData {

    static final String TENANT = "demo";
    static final String ADMIN_EMAIL = "admin@demo.example";
    static final String ADMIN_PASSWORD = "demo-admin-pw";
    static final String PORTAL_EMAIL = "sarah@acme.example";
    static final String PORTAL_PASSWORD = "demo-customer-pw";

    private static final List<Map<String, String>> TICKETS = List.of(
            Map.of("subject", "Cannot access dashboard", "description", "Unable to log in since the password reset.",
                    "customerId", "sarah@acme.example", "priority", "HIGH", "channel", "phone"),
            Map.of("subject", "Invoice shows the wrong VAT rate", "description", "Invoice 2026-118 uses 19% instead of 7%.",
                    "customerId", "tom@globex.example", "priority", "MEDIUM", "channel", "email"),
            Map.of("subject", "Export to CSV times out", "description", "The monthly export never finishes.",
                    "customerId", "li@initech.example", "priority", "URGENT", "channel", "portal"),
            Map.of("subject", "How do I add a second admin?", "description", "We need a backup administrator.",
                    "customerId", "sarah@acme.example", "priority", "LOW", "channel", "chat"));

    private static final List<Map<String, String>> CUSTOMERS = List.of(
            Map.of("name", "Sarah Chen", "email", "sarah@acme.example", "company", "Acme Corp"),
            Map.of("name", "Tom Becker", "email", "tom@globex.example", "company", "Globex"),
            Map.of("name", "Li Wei", "email", "li@initech.example", "company", "Initech"));

    private final String gateway;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String accessToken;

    DemoData(String gateway) {
        this.gateway = gateway;
    }

    /** Creates the demo tickets unless the demo tenant already has tickets (a restart keeps them). */
    void loadIfEmpty() throws IOException, InterruptedException {
        accessToken = logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        HttpResponse<String> existing = http.send(request("/api/tickets?size=1").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (existing.statusCode() == 200 && json.readTree(existing.body()).path("total").asLong() > 0) {
            System.out.println("Demo data already loaded.");
            return;
        }
        configureRouting();
        Map<String, String> customerIds = new java.util.HashMap<>();
        for (Map<String, String> customer : CUSTOMERS) {
            HttpResponse<String> created = http.send(request("/api/customers")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                            "name", customer.get("name"), "emails", List.of(customer.get("email")),
                            "company", customer.get("company"))))).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Demo customer refused: " + created.statusCode() + " " + created.body());
            }
            customerIds.put(customer.get("email"), json.readTree(created.body()).path("customerId").asText());
        }
        for (Map<String, String> demoTicket : TICKETS) {
            Map<String, String> ticket = new java.util.HashMap<>(demoTicket);
            ticket.put("customerId", customerIds.get(demoTicket.get("customerId")));
            HttpResponse<String> created = http.send(request("/api/tickets")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(ticket))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Demo ticket refused: " + created.statusCode() + " " + created.body());
            }
            JsonNode body = json.readTree(created.body());
            System.out.println("Demo ticket #" + body.path("number").asLong() + " " + demoTicket.get("subject"));
        }
        createPortalAccount(customerIds.get(PORTAL_EMAIL));
    }

    /**
     * Before the first ticket, so that a new user sees tickets routed, assigned and given SLA due times: office hours
     * (Berlin, Monday to Friday 9 to 17) as the default calendar, one SLA policy with targets per priority, both demo
     * groups assigning round robin to their available agents, and two rules (invoices to Billing, everything else to
     * Tier 1).
     */
    private void configureRouting() throws IOException, InterruptedException {
        for (Map.Entry<String, String> agent : Map.of("demo-agent", "tier-1", "demo-agent-2", "billing").entrySet()) {
            put("/api/routing/agents/" + agent.getKey(), Map.of("status", "available", "groups",
                    List.of(agent.getValue()), "capacity", 10, "timeZone", "Europe/Berlin"));
        }
        for (String group : List.of("tier-1", "billing")) {
            put("/api/routing/groups/" + group + "/assignment", Map.of("strategy", "round_robin"));
        }
        Map<String, Object> office = new java.util.LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            office.put(day, List.of(Map.of("start", "09:00", "end", "17:00")));
        }
        post("/api/sla/calendars", Map.of("name", "Office hours", "zone", "Europe/Berlin", "default", true,
                "slots", office));
        post("/api/sla/policies", Map.of("name", "Standard support", "position", 10, "warningLeadMinutes", 30,
                "targets", Map.of(
                        "URGENT", targets(30, 240), "HIGH", targets(60, 480),
                        "MEDIUM", targets(240, 1440), "LOW", targets(480, 2400)),
                "breachActions", List.of(Map.of("type", "notify_team_lead", "userId", "demo-lead"))));
        post("/api/routing/rules", Map.of("name", "Invoices to Billing", "position", 10, "triggers", List.of("created"),
                "conditions", List.of(Map.of("field", "subject", "operator", "contains", "value", "invoice")),
                "actions", List.of(Map.of("type", "assign_group", "value", "billing"))));
        post("/api/routing/rules", Map.of("name", "Everything else to Tier 1", "position", 20,
                "triggers", List.of("created"), "conditions", List.of(),
                "actions", List.of(Map.of("type", "assign_group", "value", "tier-1"))));
    }

    private static Map<String, Object> targets(int firstResponseMinutes, int resolutionMinutes) {
        return Map.of("first_response", Map.of("minutes", firstResponseMinutes, "basis", "business"),
                "next_response", Map.of("minutes", firstResponseMinutes * 2, "basis", "business"),
                "resolution", Map.of("minutes", resolutionMinutes, "basis", "business"));
    }

    private void put(String path, Map<String, ?> body) throws IOException, InterruptedException {
        send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), path);
    }

    private void post(String path, Map<String, ?> body) throws IOException, InterruptedException {
        send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), path);
    }

    private void send(HttpRequest.Builder request, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo routing setup refused at " + path + ": " + response.statusCode()
                    + " " + response.body());
        }
    }

    private void createPortalAccount(String customerId) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(request("/api/admin/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                        "role", "customer", "customerId", customerId, "email", PORTAL_EMAIL, "name", "Sarah Chen",
                        "password", PORTAL_PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Demo portal account refused: " + created.statusCode() + " " + created.body());
        }
    }

    private String logIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                        "tenant", TENANT, "email", email, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The demo admin cannot log in: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("accessToken").asText();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken);
    }
}
