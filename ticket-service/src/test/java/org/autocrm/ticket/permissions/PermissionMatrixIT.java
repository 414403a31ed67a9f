package org.autocrm.ticket.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.autocrm.access.TestTokens;
import org.autocrm.ticket.support.TicketServiceIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * docs/permissions.md, walked through for ticket-service: every role against every endpoint
 * group, with signed tokens as the gateway issues them. Each case works on tickets of its own,
 * opened just for it, so cases do not depend on each other.
 */
@TicketServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIT {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String ALL_SCOPES = "tickets:read tickets:write customers:read customers:write admin";

    /** Who calls; a column of the matrix. */
    enum Role { ADMIN, TEAM_LEAD, AGENT, CUSTOMER, API_KEY, API_KEY_WITHOUT_SCOPE, AUTOMATION, BAD_TOKEN }

    @LocalServerPort
    int port;

    private RestClient http;
    private final String tenant = "tenant-" + UUID.randomUUID();
    private final String otherTenant = "tenant-" + UUID.randomUUID();
    private String sarah;
    private String omar;
    private String otherTenantsCustomer;

    @BeforeAll
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        sarah = customer(tenant, "sarah");
        omar = customer(tenant, "omar");
        otherTenantsCustomer = customer(otherTenant, "olga");
    }

    // ---- the matrix ------------------------------------------------------------------------------

    /**
     * One endpoint group: what it does for a caller on tickets they may see, and the statuses per
     * role in the order of {@link Role} (BAD_TOKEN is always 401). {@code scope} is what an API key
     * needs for it.
     */
    record Endpoint(String name, String scope, Action action, int... statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Action {
        ResponseEntity<JsonNode> call(PermissionMatrixIT test, Role role);
    }

    static Stream<Endpoint> endpoints() {
        //                                                      admin lead agent customer key noscope automation
        return Stream.of(
                new Endpoint("open a ticket", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets",
                                "{\"subject\":\"Printer\",\"customerId\":\"" + t.sarah + "\"}"),
                        201, 201, 201, 201, 201, 403, 201),
                new Endpoint("edit subject", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/tickets/" + t.ticket(), "{\"subject\":\"Edited\"}"),
                        200, 200, 200, 403, 200, 403, 200),
                new Endpoint("change priority", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/tickets/" + t.ticket(), "{\"priority\":\"URGENT\"}"),
                        200, 200, 403, 403, 200, 403, 200),
                new Endpoint("work on it (status)", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/tickets/" + t.ticket() + "/status",
                                "{\"status\":\"IN_PROGRESS\"}"),
                        200, 200, 200, 403, 200, 403, 200),
                new Endpoint("resolve", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/tickets/" + t.ticket() + "/status",
                                "{\"status\":\"RESOLVED\",\"resolutionSummary\":\"Fixed\"}"),
                        200, 200, 200, 403, 200, 403, 200),
                new Endpoint("take it (assign to me)", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/tickets/" + t.ticket() + "/assign",
                                "{\"agentId\":\"me\"}"),
                        200, 200, 200, 403, 200, 403, 403),
                new Endpoint("assign another agent", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/tickets/" + t.ticket() + "/assign",
                                "{\"agentId\":\"someone-else\"}"),
                        200, 200, 403, 403, 200, 403, 200),
                new Endpoint("assign a group", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/tickets/" + t.ticket() + "/assign",
                                "{\"groupId\":\"tier-1\"}"),
                        200, 200, 403, 403, 200, 403, 200),
                new Endpoint("unassign", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.DELETE, "/api/tickets/" + t.ticket() + "/assign", null),
                        200, 200, 200, 403, 200, 403, 200),
                new Endpoint("escalate", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/" + t.ticket() + "/escalate",
                                "{\"groupId\":\"tier-1\",\"reason\":\"Needs an expert\"}"),
                        200, 200, 200, 403, 200, 403, 200),
                new Endpoint("public reply", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/" + t.ticket() + "/responses",
                                "{\"body\":\"Hello\"}"),
                        201, 201, 201, 201, 201, 403, 201),
                new Endpoint("internal note", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/" + t.ticket() + "/responses",
                                "{\"body\":\"Between us\",\"visibility\":\"internal\"}"),
                        201, 201, 201, 403, 201, 403, 201),
                new Endpoint("admin-only note", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/" + t.ticket() + "/responses",
                                "{\"body\":\"Admins only\",\"visibility\":\"admin_only\"}"),
                        201, 403, 403, 403, 403, 403, 403),
                new Endpoint("link", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/" + t.ticket() + "/links",
                                "{\"ticketId\":\"" + t.ticket() + "\"}"),
                        200, 200, 200, 403, 200, 403, 200),
                new Endpoint("merge", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/" + t.ticket() + "/merge",
                                "{\"targetTicketId\":\"" + t.ticket() + "\"}"),
                        200, 200, 200, 403, 200, 403, 200),
                new Endpoint("rate a resolved ticket", "tickets:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/" + t.resolvedTicket() + "/rating",
                                "{\"scale\":\"five_point\",\"score\":5}"),
                        403, 403, 403, 200, 403, 403, 403),
                new Endpoint("attach a file", "tickets:write",
                        (t, r) -> t.upload(r, t.ticket()),
                        201, 201, 201, 201, 201, 403, 201),
                new Endpoint("download an attachment", "tickets:read",
                        (t, r) -> t.as(r, HttpMethod.GET, t.attachment(t.ticket()), null),
                        200, 200, 200, 200, 200, 403, 200),
                new Endpoint("history", "tickets:read",
                        (t, r) -> t.as(r, HttpMethod.GET, "/api/tickets/" + t.ticket() + "/history", null),
                        200, 200, 200, 200, 200, 403, 200),
                new Endpoint("as of a moment", "tickets:read",
                        (t, r) -> t.as(r, HttpMethod.GET, "/api/tickets/" + t.ticket() + "/as-of/" + Instant.now(), null),
                        200, 200, 200, 200, 200, 403, 200),
                new Endpoint("create a customer", "customers:write",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/customers", "{\"name\":\"New " + UUID.randomUUID() + "\"}"),
                        201, 201, 201, 403, 201, 403, 403),
                new Endpoint("edit a customer", "customers:write",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/customers/" + t.sarah, "{\"name\":\"Sarah Chen\"}"),
                        200, 200, 200, 403, 200, 403, 403),
                new Endpoint("read a customer (a customer: themself)", "customers:read",
                        (t, r) -> t.as(r, HttpMethod.GET, "/api/customers/" + t.sarah, null),
                        200, 200, 200, 200, 200, 403, 403),
                new Endpoint("list categories", "tickets:read",
                        (t, r) -> t.as(r, HttpMethod.GET, "/api/tickets/categories", null),
                        200, 200, 200, 200, 200, 403, 200),
                new Endpoint("manage categories", "admin",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/categories",
                                "{\"name\":\"Category " + UUID.randomUUID() + "\"}"),
                        201, 403, 403, 403, 201, 403, 403),
                new Endpoint("manage custom fields", "admin",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/custom-fields",
                                "{\"key\":\"f" + UUID.randomUUID().toString().substring(0, 8)
                                        + "\",\"label\":\"Field\",\"type\":\"text\"}"),
                        201, 403, 403, 403, 201, 403, 403),
                new Endpoint("manage priorities", "admin",
                        (t, r) -> t.as(r, HttpMethod.PUT, "/api/tickets/priorities",
                                "{\"priorities\":[\"LOW\",\"MEDIUM\",\"HIGH\",\"URGENT\"]}"),
                        200, 403, 403, 403, 200, 403, 403),
                new Endpoint("manage statuses", "admin",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/statuses",
                                "{\"label\":\"Waiting " + UUID.randomUUID() + "\",\"status\":\"ON_HOLD\"}"),
                        201, 403, 403, 403, 201, 403, 403),
                new Endpoint("read canned responses", "tickets:read",
                        (t, r) -> t.as(r, HttpMethod.GET, "/api/tickets/canned-responses", null),
                        200, 200, 200, 403, 200, 403, 200),
                new Endpoint("manage canned responses (macros)", "admin",
                        (t, r) -> t.as(r, HttpMethod.POST, "/api/tickets/canned-responses",
                                "{\"title\":\"Hi " + UUID.randomUUID() + "\",\"body\":\"Hello\"}"),
                        201, 201, 403, 403, 201, 403, 403));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        endpoints().forEach(endpoint -> {
            for (Role role : Role.values()) {
                int expected = role == Role.BAD_TOKEN ? 401 : endpoint.statuses()[role.ordinal()];
                cases.add(Arguments.of(endpoint, role, expected));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @MethodSource("matrix")
    void everyRoleGetsWhatTheMatrixSays(Endpoint endpoint, Role role, int expected) {
        ResponseEntity<JsonNode> response = endpoint.action().call(this, role);

        assertThat(response.getStatusCode().value()).as("%s %s: %s", role, endpoint, response.getBody())
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        if (role == Role.API_KEY_WITHOUT_SCOPE) {
            assertThat(response.getBody().get("scope").asText()).isEqualTo(endpoint.scope());
        }
        if (role == Role.BAD_TOKEN) {
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        }
    }

    // ---- what the caller may not know exists is not found -----------------------------------------

    /** A ticket a caller may not see, and what each endpoint answers for it. */
    static Stream<Arguments> unseen() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, Hidden> hidden = new LinkedHashMap<>();
        hidden.put("an agent, a ticket of another group", (t, r) -> t.ticketAssignedTo("tier-2"));
        hidden.put("an agent, a ticket of another agent", (t, r) -> t.ticketAssignedToAgent("bruno"));
        hidden.put("a customer, another customer's ticket", (t, r) -> t.ticketOf(t.tenant, t.omar));
        hidden.put("anyone, another tenant's ticket", (t, r) -> t.ticketOf(t.otherTenant, t.otherTenantsCustomer));
        for (Map.Entry<String, Hidden> entry : hidden.entrySet()) {
            List<Role> roles = entry.getKey().startsWith("an agent") ? List.of(Role.AGENT)
                    : entry.getKey().startsWith("a customer") ? List.of(Role.CUSTOMER)
                    : List.of(Role.ADMIN, Role.TEAM_LEAD, Role.AGENT, Role.CUSTOMER, Role.API_KEY, Role.AUTOMATION);
            for (Role role : roles) {
                for (String endpoint : List.of("history", "asOf", "attachment", "reply", "status", "assign to me")) {
                    cases.add(Arguments.of(entry.getKey(), entry.getValue(), role, endpoint));
                }
            }
        }
        return cases.stream();
    }

    @FunctionalInterface
    interface Hidden {
        String ticket(PermissionMatrixIT test, Role role);
    }

    @ParameterizedTest(name = "{2} {3} on {0} -> 404")
    @MethodSource("unseen")
    void aTicketTheCallerMayNotSeeIsNotFound(String what, Hidden hidden, Role role, String endpoint) {
        String ticket = hidden.ticket(this, role);
        String attachment = attachmentAsAdmin(ticket);
        ResponseEntity<JsonNode> response = switch (endpoint) {
            case "history" -> as(role, HttpMethod.GET, "/api/tickets/" + ticket + "/history", null);
            case "asOf" -> as(role, HttpMethod.GET, "/api/tickets/" + ticket + "/as-of/" + Instant.now(), null);
            case "attachment" -> as(role, HttpMethod.GET, attachment, null);
            case "reply" -> as(role, HttpMethod.POST, "/api/tickets/" + ticket + "/responses", "{\"body\":\"Hi\"}");
            case "status" -> as(role, HttpMethod.PUT, "/api/tickets/" + ticket + "/status", "{\"status\":\"PENDING\"}");
            default -> as(role, HttpMethod.PUT, "/api/tickets/" + ticket + "/assign", "{\"agentId\":\"me\"}");
        };

        assertThat(response.getStatusCode().value()).as("%s: %s", endpoint, response.getBody()).isEqualTo(404);
    }

    static Stream<Arguments> otherCustomers() {
        return Stream.of(Arguments.of("another customer", Role.CUSTOMER), Arguments.of("another tenant's", Role.ADMIN));
    }

    @ParameterizedTest(name = "{1} reading {0} customer -> 404")
    @MethodSource("otherCustomers")
    void aCustomerProfileTheCallerMayNotSeeIsNotFound(String what, Role role) {
        String customer = role == Role.CUSTOMER ? omar : otherTenantsCustomer;

        assertThat(as(role, HttpMethod.GET, "/api/customers/" + customer, null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(as(role, HttpMethod.PUT, "/api/customers/" + customer, "{\"name\":\"Taken over\"}")
                .getStatusCode().value()).isEqualTo(role == Role.CUSTOMER ? 403 : 404);
    }

    @ParameterizedTest(name = "{0} reads the history and the ticket as of now")
    @MethodSource("noteReaders")
    void internalNotesAreForStaffAndAdminOnlyNotesForAdmins(Role role, boolean seesInternal, boolean seesAdminOnly) {
        String ticket = ticket();
        admin(HttpMethod.POST, "/api/tickets/" + ticket + "/responses", "{\"body\":\"Plain reply\"}");
        admin(HttpMethod.POST, "/api/tickets/" + ticket + "/responses",
                "{\"body\":\"Internal remark\",\"visibility\":\"internal\"}");
        admin(HttpMethod.POST, "/api/tickets/" + ticket + "/responses",
                "{\"body\":\"Legal hold\",\"visibility\":\"admin_only\"}");

        for (String path : List.of("/api/tickets/" + ticket + "/history", "/api/tickets/" + ticket + "/as-of/" + Instant.now())) {
            String body = as(role, HttpMethod.GET, path, null).getBody().toString();
            assertThat(body).contains("Plain reply");
            assertThat(body.contains("Internal remark")).as(path).isEqualTo(seesInternal);
            assertThat(body.contains("Legal hold")).as(path).isEqualTo(seesAdminOnly);
        }
    }

    static Stream<Arguments> noteReaders() {
        return Stream.of(Arguments.of(Role.ADMIN, true, true), Arguments.of(Role.TEAM_LEAD, true, false),
                Arguments.of(Role.AGENT, true, false), Arguments.of(Role.CUSTOMER, false, false),
                Arguments.of(Role.API_KEY, true, false), Arguments.of(Role.AUTOMATION, true, false));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String token(Role role) {
        return switch (role) {
            case ADMIN -> TestTokens.valid(tenant, "ada", "admin");
            case TEAM_LEAD -> TestTokens.valid(tenant, "tom", "team_lead");
            case AGENT -> TestTokens.token(tenant, "maria", "agent").groups("tier-1").sign();
            case CUSTOMER -> TestTokens.valid(tenant, sarah, "customer");
            case API_KEY -> TestTokens.token(tenant, "key-7", "api_key").scope(ALL_SCOPES).sign();
            case API_KEY_WITHOUT_SCOPE -> TestTokens.token(tenant, "key-8", "api_key").scope("").sign();
            // as the gateway issues it by client credentials: no groups, no scopes (the service grants them)
            case AUTOMATION -> TestTokens.token(tenant, "routing-service", "automation").sign();
            case BAD_TOKEN -> TestTokens.token(tenant, "ada", "admin").signedWith(TestTokens.unknownKey()).sign();
        };
    }

    ResponseEntity<JsonNode> as(Role role, HttpMethod method, String path, String body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .header("Authorization", "Bearer " + token(role));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return jsonOf(request.retrieve().toEntity(byte[].class));
    }

    /** The answer as JSON; a download (not JSON) keeps only its status and headers. */
    private static ResponseEntity<JsonNode> jsonOf(ResponseEntity<byte[]> response) {
        MediaType type = response.getHeaders().getContentType();
        JsonNode json = null;
        if (type != null && type.getSubtype().contains("json") && response.getBody() != null) {
            try {
                json = JSON.readTree(response.getBody());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(json);
    }

    private ResponseEntity<JsonNode> asToken(String token, HttpMethod method, String path, String body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> upload(Role role, String ticket) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(PNG) {
            @Override
            public String getFilename() {
                return "screenshot.png";
            }
        });
        return http.post().uri("/api/tickets/" + ticket + "/attachments")
                .header("Authorization", "Bearer " + token(role))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(JsonNode.class);
    }

    private String customer(String inTenant, String name) {
        ResponseEntity<JsonNode> created = asToken(TestTokens.valid(inTenant, "ada", "admin"), HttpMethod.POST,
                "/api/customers", "{\"name\":\"" + name + "\"}");
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody().get("customerId").asText();
    }

    /** A fresh, unassigned ticket of Sarah's: every role of the tenant may see it. */
    String ticket() {
        return ticketOf(tenant, sarah);
    }

    String ticketOf(String inTenant, String customer) {
        ResponseEntity<JsonNode> opened = asToken(TestTokens.valid(inTenant, "ada", "admin"), HttpMethod.POST,
                "/api/tickets", "{\"subject\":\"Cannot log in\",\"customerId\":\"" + customer + "\"}");
        assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
        return opened.getBody().get("ticketId").asText();
    }

    String resolvedTicket() {
        String ticket = ticket();
        admin(HttpMethod.PUT, "/api/tickets/" + ticket + "/status",
                "{\"status\":\"RESOLVED\",\"resolutionSummary\":\"Password reset\"}");
        return ticket;
    }

    String ticketAssignedTo(String group) {
        String ticket = ticket();
        admin(HttpMethod.PUT, "/api/tickets/" + ticket + "/assign", "{\"groupId\":\"" + group + "\"}");
        return ticket;
    }

    String ticketAssignedToAgent(String agent) {
        String ticket = ticket();
        admin(HttpMethod.PUT, "/api/tickets/" + ticket + "/assign", "{\"agentId\":\"" + agent + "\"}");
        return ticket;
    }

    String attachment(String ticket) {
        return attachmentAsAdmin(ticket);
    }

    private String attachmentAsAdmin(String ticket) {
        String tenantOfTicket = tenant;
        ResponseEntity<JsonNode> uploaded = upload(Role.ADMIN, ticket);
        if (uploaded.getStatusCode().value() == 404) {
            // a ticket of the other tenant: upload as its admin
            tenantOfTicket = otherTenant;
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("file", new ByteArrayResource(PNG) {
                @Override
                public String getFilename() {
                    return "screenshot.png";
                }
            });
            uploaded = http.post().uri("/api/tickets/" + ticket + "/attachments")
                    .header("Authorization", "Bearer " + TestTokens.valid(tenantOfTicket, "ada", "admin"))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                    .retrieve().toEntity(JsonNode.class);
        }
        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
        return "/api/tickets/" + ticket + "/attachments/" + uploaded.getBody().get("attachmentId").asText();
    }

    private void admin(HttpMethod method, String path, String body) {
        ResponseEntity<JsonNode> response = as(Role.ADMIN, method, path, body);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    }
}
