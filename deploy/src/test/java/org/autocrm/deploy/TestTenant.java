package org.autocrm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant of its own for one test, with real accounts: the operator provisions it through the
 * gateway ({@code POST /api/auth/tenants}), its admin creates the other users, and everyone signs in
 * with a password like a person would. Requests then carry only {@code Authorization: Bearer}.
 */
public final class TestTenant {

    /** The password every account of a test tenant signs in with. */
    public static final String PASSWORD = "e2e password 1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A signed-in account: its id (the token's sub), the email it signs in with, and an access token. */
    public record Member(String id, String email, String accessToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private final String id;
    private final Member admin;

    private TestTenant(String id, Member admin) {
        this.id = id;
        this.admin = admin;
    }

    public static TestTenant create(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + id + ".test";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(RunningSystem.gateway("/api/auth/tenants")))
                .header("X-Provisioning-Token", RunningSystem.PROVISIONING_TOKEN), Map.of("tenant", id,
                "tenantName", "Tenant " + id, "email", email, "name", "Lisa Admin", "password", PASSWORD));
        expect(created, 201);
        String adminId = read(created).path("userId").asText();
        return new TestTenant(id, new Member(adminId, email, logIn(id, email)));
    }

    public String id() {
        return id;
    }

    public Member admin() {
        return admin;
    }

    /** A staff user (admin, team_lead, agent), created by the admin, signed in; its groups are created as needed. */
    public Member staff(String handle, String role, List<String> groups) {
        for (String group : groups) {
            HttpResponse<String> response = asAdmin("/api/admin/groups", Map.of("id", group, "name", group));
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                expect(response, 201);
            }
        }
        String email = handle + "@" + id + ".test";
        HttpResponse<String> created = asAdmin("/api/admin/users", Map.of("email", email, "name", handle, "role", role,
                "groups", groups, "password", PASSWORD));
        expect(created, 201);
        return new Member(read(created).path("id").asText(), email, logIn(id, email));
    }

    /** A portal account for a customer of ticket-service, signed in; its id is the customer id. */
    public Member customer(String customerId) {
        String email = "customer-" + customerId + "@" + id + ".test";
        expect(asAdmin("/api/admin/users", Map.of("email", email, "name", "Customer", "role", "customer",
                "customerId", customerId, "password", PASSWORD)), 201);
        return new Member(customerId, email, logIn(id, email));
    }

    /** A customer of ticket-service that the admin creates ({@code POST /api/customers}); its id. */
    public String newCustomer(String name, String email, String company) {
        return created(admin, "/api/customers", Map.of("name", name, "emails", List.of(email), "company", company),
                "customerId");
    }

    /** Posts {@code body} as {@code who} and answers the created resource's {@code idField} (200 or 201 expected). */
    public String created(Member who, String path, Map<String, ?> body, String idField) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(RunningSystem.gateway(path)))
                .header("Authorization", who.bearer()), body);
        if (response.statusCode() != 200) {
            expect(response, 201);
        }
        return read(response).path(idField).asText();
    }

    /** An API key the admin creates ({@code POST /api/admin/api-keys}); its secret is shown this once. */
    public ApiKey apiKey(String name, List<String> scopes) {
        HttpResponse<String> created = asAdmin("/api/admin/api-keys", Map.of("name", name, "scopes", scopes));
        expect(created, 201);
        JsonNode key = read(created);
        return new ApiKey(key.path("id").asText(), key.path("key").asText());
    }

    /** An integrator's key: its id and the secret sent as {@code X-API-Key}. */
    public record ApiKey(String id, String key) {
    }

    private HttpResponse<String> asAdmin(String path, Map<String, Object> body) {
        return send(HttpRequest.newBuilder(URI.create(RunningSystem.gateway(path)))
                .header("Authorization", admin.bearer()), body);
    }

    private static String logIn(String tenant, String email) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(RunningSystem.gateway("/api/auth/login"))),
                Map.of("tenant", tenant, "email", email, "password", PASSWORD));
        expect(response, 200);
        return read(response).path("accessToken").asText();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, ?> body) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new HashMap<>(body)))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("gateway not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " instead of " + status + ": " + response.body());
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
