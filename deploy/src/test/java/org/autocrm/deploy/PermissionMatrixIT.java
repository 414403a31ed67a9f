package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/permissions.md walked through the gateway on the running system: every role of a tenant of
 * its own, signed in with a password like a person (or calling with a real API key), against every
 * endpoint group of ticket-service, query-service, routing-service and the gateway's own admin API; then another
 * tenant's ids and tickets the caller may not know exist (404), and the tokens the gateway must
 * refuse. Nothing here is a hand-made valid token: every accepted credential came from a login or
 * from {@code POST /api/admin/api-keys}.
 *
 * <p>The data every row needs is created once, before the first row; a write row works on a ticket
 * of its own from a pool opened then, so rows never depend on each other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final Duration PROJECTION_DEADLINE = Duration.ofSeconds(60);
    private static final String ROUTING_RULE = """
            {"name":"Urgent to tier 1","position":10,"triggers":["created"],
             "conditions":[{"field":"priority","operator":"is","value":"urgent"}],
             "actions":[{"type":"assign_group","value":"tier-1"}]}""";

    private static final String SLA_CALENDAR = """
            {"name":"Office hours","zone":"Europe/Berlin",
             "slots":{"MONDAY":[{"start":"09:00","end":"17:00"}]}}""";

    /** A column of the matrix: who calls. */
    enum Column { ADMIN, TEAM_LEAD, AGENT, CUSTOMER, API_KEY, API_KEY_WITHOUT_SCOPE, ANONYMOUS }

    /** What a cell expects; the exact success code (200, 201, 204) is each endpoint's own business. */
    enum Outcome {
        ALLOWED("2xx"), UNAUTHENTICATED("401"), FORBIDDEN("403"), NOT_FOUND("404");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        boolean matches(int status) {
            return this == ALLOWED ? status >= 200 && status < 300 : status == Integer.parseInt(label);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final Outcome A = Outcome.ALLOWED;
    private static final Outcome F = Outcome.FORBIDDEN;
    private static final Outcome N = Outcome.NOT_FOUND;

    /** How a caller authenticates: a header and its value, or nothing at all. */
    record Credentials(String header, String value) {
        static final Credentials NONE = new Credentials(null, null);

        static Credentials of(TestTenant.Member member) {
            return new Credentials("Authorization", member.bearer());
        }

        static Credentials of(TestTenant.ApiKey key) {
            return new Credentials("X-API-Key", key.key());
        }

        static Credentials bearer(String token) {
            return new Credentials("Authorization", "Bearer " + token);
        }
    }

    @FunctionalInterface
    interface Action {
        HttpResponse<String> call(PermissionMatrixIT test, Credentials caller);
    }

    /**
     * A row of the matrix: the scope an API key needs for it ({@code null}: any key may call it), whether
     * the refusal of a key without it names that scope (the services' {@code MISSING_SCOPE} problems do),
     * whether it works on a fresh ticket of its own, and the outcome per column from ADMIN to
     * API_KEY_WITHOUT_SCOPE (ANONYMOUS is always 401).
     */
    record Row(String name, String scope, boolean namesMissingScope, boolean freshTicket, Action action,
               Outcome... outcomes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private TestTenant tenant;
    private TestTenant.Member admin;
    private TestTenant.Member lead;
    private TestTenant.Member agent;
    private TestTenant.Member otherAgent;
    private TestTenant.Member spare;
    private TestTenant.Member customer;
    private String omar;
    private TestTenant.ApiKey ticketsReadKey;
    private TestTenant.ApiKey ticketsAndCustomersWriteKey;
    private TestTenant.ApiKey customersReadKey;
    private TestTenant.ApiKey adminKey;
    private TestTenant.ApiKey routingReadKey;
    private TestTenant.ApiKey routingWriteKey;
    private TestTenant.ApiKey keyToRevoke;

    /** Sarah's, assigned to nobody: everyone of the tenant may see it. */
    private String unassigned;
    /** Sarah's, assigned to the group {@code billing}, which the agent is not in. */
    private String ofAnotherGroup;
    /** Omar's, assigned to the other agent: neither the agent nor Sarah may know it exists. */
    private String ofAnotherAgent;
    private String resolved;
    private String mergeTarget;
    private String attachment;
    private String attachmentOfAnotherAgentsTicket;
    /** A routing rule every row that reads or replaces one works on (a replace without If-Match always applies). */
    private String rule;
    private final ConcurrentLinkedDeque<String> freshTickets = new ConcurrentLinkedDeque<>();

    private TestTenant otherTenant;
    private String otherTenantsCustomer;
    private String otherTenantsTicket;
    private String otherTenantsAttachment;
    private TestTenant.ApiKey otherTenantsKey;
    private String otherTenantsRule;

    @BeforeAll
    void oneTenantWithEveryRoleAndAnotherTenant() throws Exception {
        RunningSystem.get();
        tenant = TestTenant.create("matrix");
        admin = tenant.admin();
        lead = tenant.staff("lead", "team_lead", List.of("tier-1", "billing"));
        agent = tenant.staff("maria", "agent", List.of("tier-1"));
        otherAgent = tenant.staff("bruno", "agent", List.of("billing"));
        spare = tenant.staff("spare", "agent", List.of("tier-1"));
        String sarah = created(send("POST", "/api/customers", """
                {"name":"Sarah Chen","emails":["sarah@acme.example"],"company":"Acme Corp"}""", Credentials.of(admin)))
                .get("customerId").asText();
        omar = created(send("POST", "/api/customers", "{\"name\":\"Omar Haddad\"}", Credentials.of(admin)))
                .get("customerId").asText();
        customer = tenant.customer(sarah);
        ticketsReadKey = tenant.apiKey("reporting", List.of("tickets:read"));
        ticketsAndCustomersWriteKey = tenant.apiKey("web shop", List.of("tickets:write", "customers:write"));
        customersReadKey = tenant.apiKey("crm sync", List.of("customers:read"));
        adminKey = tenant.apiKey("provisioning", List.of("admin"));
        routingReadKey = tenant.apiKey("routing report", List.of("routing:read"));
        routingWriteKey = tenant.apiKey("routing provisioning", List.of("routing:write"));
        keyToRevoke = tenant.apiKey("old integration", List.of("tickets:read"));

        Map<String, Long> versions = new HashMap<>();
        unassigned = openTicket(sarah, versions);
        ofAnotherGroup = openTicket(sarah, versions);
        versions.put(ofAnotherGroup, write("PUT", "/api/tickets/" + ofAnotherGroup + "/assign", "{\"groupId\":\"billing\"}"));
        ofAnotherAgent = openTicket(omar, versions);
        versions.put(ofAnotherAgent, write("PUT", "/api/tickets/" + ofAnotherAgent + "/assign",
                "{\"agentId\":\"" + otherAgent.id() + "\"}"));
        resolved = openTicket(sarah, versions);
        versions.put(resolved, write("PUT", "/api/tickets/" + resolved + "/status",
                "{\"status\":\"RESOLVED\",\"resolutionSummary\":\"Password reset\"}"));
        mergeTarget = openTicket(sarah, new HashMap<>());
        attachment = upload(unassigned, Credentials.of(admin));
        attachmentOfAnotherAgentsTicket = upload(ofAnotherAgent, Credentials.of(admin));
        rule = newRule();

        long fresh = matrixRows().filter(Row::freshTicket).count() * Column.values().length;
        for (int i = 0; i < fresh; i++) {
            freshTickets.add(openTicket(sarah, new HashMap<>()));
        }

        otherTenant = TestTenant.create("matrix-other");
        Credentials otherAdmin = Credentials.of(otherTenant.admin());
        otherTenantsCustomer = created(send("POST", "/api/customers", "{\"name\":\"Olga Ivanova\"}", otherAdmin))
                .get("customerId").asText();
        JsonNode opened = created(send("POST", "/api/tickets",
                "{\"subject\":\"Printer on fire\",\"customerId\":\"" + otherTenantsCustomer + "\"}", otherAdmin));
        otherTenantsTicket = opened.get("ticketId").asText();
        otherTenantsAttachment = upload(otherTenantsTicket, otherAdmin);
        otherTenantsKey = otherTenant.apiKey("theirs", List.of("tickets:read"));
        otherTenantsRule = created(send("POST", "/api/routing/rules", ROUTING_RULE, otherAdmin)).get("id").asText();

        // the read rows go to query-service: wait once until its projection holds every ticket they read
        versions.forEach((ticket, version) -> awaitProjection(ticket, version, Credentials.of(admin)));
        awaitProjection(otherTenantsTicket, opened.get("version").asLong(), otherAdmin);
    }

    // ---- the matrix ----------------------------------------------------------------------------------

    static Stream<Row> matrixRows() {
        //                                                                  admin lead agent customer key no-scope
        return Stream.of(
                // ticket-service: writes
                writeRow("open a ticket for themself  POST /api/tickets", "tickets:write", false,
                        (t, c) -> t.send("POST", "/api/tickets", "{\"subject\":\"Printer\",\"customerId\":\""
                                + t.customer.id() + "\"}", c), A, A, A, A, A, F),
                writeRow("open a ticket for another customer  POST /api/tickets", "tickets:write", false,
                        (t, c) -> t.send("POST", "/api/tickets", "{\"subject\":\"Printer\",\"customerId\":\""
                                + t.omar + "\"}", c), A, A, A, F, A, F),
                writeRow("edit the subject  PUT /api/tickets/{id}", "tickets:write", true,
                        (t, c) -> t.send("PUT", "/api/tickets/" + t.fresh(), "{\"subject\":\"Edited\"}", c),
                        A, A, A, F, A, F),
                writeRow("change the priority  PUT /api/tickets/{id}", "tickets:write", true,
                        (t, c) -> t.send("PUT", "/api/tickets/" + t.fresh(), "{\"priority\":\"URGENT\"}", c),
                        A, A, F, F, A, F),
                writeRow("work on it  PUT .../status IN_PROGRESS", "tickets:write", true,
                        (t, c) -> t.send("PUT", "/api/tickets/" + t.fresh() + "/status", "{\"status\":\"IN_PROGRESS\"}", c),
                        A, A, A, F, A, F),
                writeRow("resolve  PUT .../status RESOLVED", "tickets:write", true,
                        (t, c) -> t.send("PUT", "/api/tickets/" + t.fresh() + "/status",
                                "{\"status\":\"RESOLVED\",\"resolutionSummary\":\"Fixed\"}", c),
                        A, A, A, F, A, F),
                writeRow("take it  PUT .../assign me", "tickets:write", true,
                        (t, c) -> t.send("PUT", "/api/tickets/" + t.fresh() + "/assign", "{\"agentId\":\"me\"}", c),
                        A, A, A, F, A, F),
                writeRow("assign another agent  PUT .../assign", "tickets:write", true,
                        (t, c) -> t.send("PUT", "/api/tickets/" + t.fresh() + "/assign",
                                "{\"agentId\":\"" + t.otherAgent.id() + "\"}", c),
                        A, A, F, F, A, F),
                writeRow("assign a group  PUT .../assign", "tickets:write", true,
                        (t, c) -> t.send("PUT", "/api/tickets/" + t.fresh() + "/assign", "{\"groupId\":\"billing\"}", c),
                        A, A, F, F, A, F),
                writeRow("unassign  DELETE .../assign", "tickets:write", true,
                        (t, c) -> t.send("DELETE", "/api/tickets/" + t.fresh() + "/assign", null, c),
                        A, A, A, F, A, F),
                writeRow("escalate  POST .../escalate", "tickets:write", true,
                        (t, c) -> t.send("POST", "/api/tickets/" + t.fresh() + "/escalate",
                                "{\"groupId\":\"tier-1\",\"reason\":\"Needs an expert\"}", c),
                        A, A, A, F, A, F),
                writeRow("public reply  POST .../responses", "tickets:write", true,
                        (t, c) -> t.send("POST", "/api/tickets/" + t.fresh() + "/responses", "{\"body\":\"Hello\"}", c),
                        A, A, A, A, A, F),
                writeRow("internal note  POST .../responses internal", "tickets:write", true,
                        (t, c) -> t.send("POST", "/api/tickets/" + t.fresh() + "/responses",
                                "{\"body\":\"Between us\",\"visibility\":\"internal\"}", c),
                        A, A, A, F, A, F),
                writeRow("admin-only note  POST .../responses admin_only", "tickets:write", true,
                        (t, c) -> t.send("POST", "/api/tickets/" + t.fresh() + "/responses",
                                "{\"body\":\"Legal hold\",\"visibility\":\"admin_only\"}", c),
                        A, F, F, F, F, F),
                writeRow("link  POST .../links", "tickets:write", true,
                        (t, c) -> t.send("POST", "/api/tickets/" + t.fresh() + "/links",
                                "{\"ticketId\":\"" + t.mergeTarget + "\"}", c),
                        A, A, A, F, A, F),
                writeRow("merge  POST .../merge", "tickets:write", true,
                        (t, c) -> t.send("POST", "/api/tickets/" + t.fresh() + "/merge",
                                "{\"targetTicketId\":\"" + t.mergeTarget + "\"}", c),
                        A, A, A, F, A, F),
                writeRow("rate a resolved ticket  POST .../rating", "tickets:write", false,
                        (t, c) -> t.send("POST", "/api/tickets/" + t.resolved + "/rating",
                                "{\"scale\":\"five_point\",\"score\":5}", c),
                        F, F, F, A, F, F),
                writeRow("attach a file  POST .../attachments", "tickets:write", true,
                        (t, c) -> t.uploadAs(t.fresh(), c), A, A, A, A, A, F),
                // ticket-service: reads of the event store and the customer profile
                readRow("download an attachment  GET .../attachments/{a}", "tickets:read",
                        (t, c) -> t.send("GET", t.attachment, null, c), A, A, A, A, A, F),
                readRow("history  GET .../history", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/" + t.unassigned + "/history", null, c), A, A, A, A, A, F),
                readRow("as of a moment  GET /api/tickets/{id}/as-of/", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/" + t.unassigned + "/as-of/" + Instant.now(), null, c),
                        A, A, A, A, A, F),
                writeRow("create a customer  POST /api/customers", "customers:write", false,
                        (t, c) -> t.send("POST", "/api/customers", "{\"name\":\"New " + UUID.randomUUID() + "\"}", c),
                        A, A, A, F, A, F),
                writeRow("edit a customer  PUT /api/customers/{id}", "customers:write", false,
                        (t, c) -> t.send("PUT", "/api/customers/" + t.customer.id(), "{\"name\":\"Sarah Chen\"}", c),
                        A, A, A, F, A, F),
                readRow("read a customer (a customer: themself)  GET /api/customers/{id}", "customers:read",
                        (t, c) -> t.send("GET", "/api/customers/" + t.customer.id(), null, c), A, A, A, A, A, F),
                // ticket-service: configuration
                readRow("read categories  GET /api/tickets/categories", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/categories", null, c), A, A, A, A, A, F),
                readRow("read custom fields  GET /api/tickets/custom-fields", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/custom-fields", null, c), A, A, A, A, A, F),
                new Row("read archived categories  GET /api/tickets/categories?includeArchived", "admin", false, false,
                        (t, c) -> t.send("GET", "/api/tickets/categories?includeArchived=true", null, c),
                        A, F, F, F, A, F),
                readRow("read priorities  GET /api/tickets/priorities", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/priorities", null, c), A, A, A, F, A, F),
                readRow("read status labels  GET /api/tickets/statuses", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/statuses", null, c), A, A, A, F, A, F),
                readRow("read canned responses  GET /api/tickets/canned-responses", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/canned-responses", null, c), A, A, A, F, A, F),
                writeRow("manage categories  POST /api/tickets/categories", "admin", false,
                        (t, c) -> t.send("POST", "/api/tickets/categories", "{\"name\":\"Category " + UUID.randomUUID()
                                + "\"}", c), A, F, F, F, A, F),
                writeRow("manage custom fields  POST /api/tickets/custom-fields", "admin", false,
                        (t, c) -> t.send("POST", "/api/tickets/custom-fields", "{\"key\":\"f"
                                + UUID.randomUUID().toString().substring(0, 8) + "\",\"label\":\"Field\",\"type\":\"text\"}", c),
                        A, F, F, F, A, F),
                writeRow("manage priorities  PUT /api/tickets/priorities", "admin", false,
                        (t, c) -> t.send("PUT", "/api/tickets/priorities",
                                "{\"priorities\":[\"LOW\",\"MEDIUM\",\"HIGH\",\"URGENT\"]}", c), A, F, F, F, A, F),
                writeRow("manage status labels  POST /api/tickets/statuses", "admin", false,
                        (t, c) -> t.send("POST", "/api/tickets/statuses", "{\"label\":\"Waiting " + UUID.randomUUID()
                                + "\",\"status\":\"ON_HOLD\"}", c), A, F, F, F, A, F),
                writeRow("manage canned responses  POST /api/tickets/canned-responses", "admin", false,
                        (t, c) -> t.send("POST", "/api/tickets/canned-responses", "{\"title\":\"Hi " + UUID.randomUUID()
                                + "\",\"body\":\"Hello\"}", c), A, A, F, F, A, F),
                // query-service: reads of the projections
                readRow("list and search  GET /api/tickets", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets", null, c), A, A, A, A, A, F),
                readRow("a ticket everyone of the tenant sees  GET /api/tickets/{id}", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/" + t.unassigned, null, c), A, A, A, A, A, F),
                readRow("a ticket of another group  GET /api/tickets/{id}", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/" + t.ofAnotherGroup, null, c), A, A, N, A, A, F),
                readRow("another customer's ticket of another agent  GET /api/tickets/{id}", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/" + t.ofAnotherAgent, null, c), A, A, N, N, A, F),
                readRow("queue statistics  GET /api/tickets/queue", "tickets:read",
                        (t, c) -> t.send("GET", "/api/tickets/queue", null, c), A, A, A, A, A, F),
                readRow("the customer's tickets  GET /api/customers/{id}/tickets", "tickets:read",
                        (t, c) -> t.send("GET", "/api/customers/" + t.customer.id() + "/tickets", null, c),
                        A, A, A, A, A, F),
                readRow("another customer's tickets  GET /api/customers/{id}/tickets", "tickets:read",
                        (t, c) -> t.send("GET", "/api/customers/" + t.omar + "/tickets", null, c), A, A, A, N, A, F),
                readRow("customer list  GET /api/customers", "customers:read",
                        (t, c) -> t.send("GET", "/api/customers?q=sarah", null, c), A, A, A, F, A, F),
                readRow("metrics  GET /api/metrics/tickets", "tickets:read",
                        (t, c) -> t.send("GET", "/api/metrics/tickets", null, c), A, A, A, F, A, F),
                // routing-service: rules (admins manage, team leads read and dry-run them)
                readRow("list routing rules  GET /api/routing/rules", "routing:read",
                        (t, c) -> t.send("GET", "/api/routing/rules", null, c), A, A, F, F, A, F),
                readRow("read a routing rule  GET /api/routing/rules/{id}", "routing:read",
                        (t, c) -> t.send("GET", "/api/routing/rules/" + t.rule, null, c), A, A, F, F, A, F),
                readRow("dry-run a routing rule  POST /api/routing/rules/{id}/test", "routing:read",
                        (t, c) -> t.send("POST", "/api/routing/rules/" + t.rule + "/test",
                                "{\"ticket\":{\"ticketId\":\"t-1\",\"priority\":\"low\"}}", c), A, A, F, F, A, F),
                writeRow("create a routing rule  POST /api/routing/rules", "routing:write", false,
                        (t, c) -> t.send("POST", "/api/routing/rules", ROUTING_RULE, c), A, F, F, F, A, F),
                writeRow("replace a routing rule  PUT /api/routing/rules/{id}", "routing:write", false,
                        (t, c) -> t.send("PUT", "/api/routing/rules/" + t.rule, ROUTING_RULE, c), A, F, F, F, A, F),
                writeRow("delete a routing rule  DELETE /api/routing/rules/{id}", "routing:write", false,
                        (t, c) -> t.send("DELETE", "/api/routing/rules/" + t.newRule(), null, c), A, F, F, F, A, F),
                // routing-service: assignment (admins and team leads manage groups and agents; an agent keeps their own)
                readRow("read a group's assignment  GET /api/routing/groups/{id}/assignment", "routing:read",
                        (t, c) -> t.send("GET", "/api/routing/groups/tier-1/assignment", null, c), A, A, F, F, A, F),
                writeRow("set a group's assignment  PUT /api/routing/groups/{id}/assignment", "routing:write", false,
                        (t, c) -> t.send("PUT", "/api/routing/groups/tier-1/assignment", "{\"strategy\":\"manual\"}",
                                c), A, A, F, F, A, F),
                readRow("list agents' assignment settings  GET /api/routing/agents", "routing:read",
                        (t, c) -> t.send("GET", "/api/routing/agents", null, c), A, A, F, F, A, F),
                readRow("read another agent's settings  GET /api/routing/agents/{id}", "routing:read",
                        (t, c) -> t.send("GET", "/api/routing/agents/" + t.otherAgent.id(), null, c), A, A, F, F, A, F),
                writeRow("set another agent's settings  PUT /api/routing/agents/{id}", "routing:write", false,
                        (t, c) -> t.send("PUT", "/api/routing/agents/" + t.otherAgent.id(), "{\"status\":\"offline\"}",
                                c), A, A, F, F, A, F),
                readRow("read own assignment settings  GET /api/routing/agents/me", "routing:read",
                        (t, c) -> t.send("GET", "/api/routing/agents/me", null, c), A, A, A, F, F, F),
                writeRow("set own status  PUT /api/routing/agents/me", "routing:write", false,
                        (t, c) -> t.send("PUT", "/api/routing/agents/me", "{\"status\":\"away\"}", c),
                        A, A, A, F, F, F),
                // routing-service: the decision log and SLA settings (admins manage, team leads read)
                readRow("decision log of a ticket  GET /api/routing/decisions?ticketId=", "routing:read",
                        (t, c) -> t.send("GET", "/api/routing/decisions?ticketId=" + t.unassigned, null, c),
                        A, A, F, F, A, F),
                readRow("list SLA calendars  GET /api/sla/calendars", "routing:read",
                        (t, c) -> t.send("GET", "/api/sla/calendars", null, c), A, A, F, F, A, F),
                readRow("list SLA policies  GET /api/sla/policies", "routing:read",
                        (t, c) -> t.send("GET", "/api/sla/policies", null, c), A, A, F, F, A, F),
                writeRow("create an SLA calendar  POST /api/sla/calendars", "routing:write", false,
                        (t, c) -> t.send("POST", "/api/sla/calendars", SLA_CALENDAR, c), A, F, F, F, A, F),
                // the gateway's own API: who am I, and the admin API (a key needs the admin scope there)
                gatewayRow("who am I  GET /api/me", null,
                        (t, c) -> t.send("GET", "/api/me", null, c), A, A, A, A, A, A),
                gatewayRow("list users  GET /api/admin/users", "admin",
                        (t, c) -> t.send("GET", "/api/admin/users", null, c), A, A, F, F, A, F),
                gatewayRow("read a user  GET /api/admin/users/{id}", "admin",
                        (t, c) -> t.send("GET", "/api/admin/users/" + t.otherAgent.id(), null, c), A, A, F, F, A, F),
                gatewayRow("create a user  POST /api/admin/users", "admin",
                        (t, c) -> t.send("POST", "/api/admin/users", "{\"email\":\"new-" + UUID.randomUUID()
                                + "@matrix.test\",\"name\":\"New\",\"role\":\"agent\",\"groups\":[],\"password\":\""
                                + TestTenant.PASSWORD + "\"}", c), A, F, F, F, A, F),
                gatewayRow("change a user's role  PUT /api/admin/users/{id}/role", "admin",
                        (t, c) -> t.send("PUT", "/api/admin/users/" + t.spare.id() + "/role", "{\"role\":\"agent\"}", c),
                        A, F, F, F, A, F),
                gatewayRow("change a user's groups  PUT /api/admin/users/{id}/groups", "admin",
                        (t, c) -> t.send("PUT", "/api/admin/users/" + t.spare.id() + "/groups",
                                "{\"groups\":[\"tier-1\"]}", c), A, F, F, F, A, F),
                gatewayRow("list groups  GET /api/admin/groups", "admin",
                        (t, c) -> t.send("GET", "/api/admin/groups", null, c), A, A, F, F, A, F),
                gatewayRow("create a group  POST /api/admin/groups", "admin",
                        (t, c) -> t.send("POST", "/api/admin/groups", "{\"id\":\"g-"
                                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"Group\"}", c),
                        A, F, F, F, A, F),
                gatewayRow("read the tenant  GET /api/admin/tenant", "admin",
                        (t, c) -> t.send("GET", "/api/admin/tenant", null, c), A, F, F, F, A, F),
                gatewayRow("change tenant settings  PUT /api/admin/tenant/settings", "admin",
                        (t, c) -> t.send("PUT", "/api/admin/tenant/settings", "{\"requireTotp\":false}", c),
                        A, F, F, F, A, F),
                gatewayRow("read single sign-on settings  GET /api/admin/tenant/sso", "admin",
                        (t, c) -> t.send("GET", "/api/admin/tenant/sso", null, c), A, F, F, F, A, F),
                gatewayRow("staff directory  GET /api/staff", "admin",
                        (t, c) -> t.send("GET", "/api/staff", null, c), A, A, A, F, A, F),
                gatewayRow("list API keys  GET /api/admin/api-keys", "admin",
                        (t, c) -> t.send("GET", "/api/admin/api-keys", null, c), A, F, F, F, A, F),
                gatewayRow("create an API key  POST /api/admin/api-keys", "admin",
                        (t, c) -> t.send("POST", "/api/admin/api-keys",
                                "{\"name\":\"k\",\"scopes\":[\"tickets:read\"]}", c), A, F, F, F, A, F),
                gatewayRow("revoke an API key  DELETE /api/admin/api-keys/{id}", "admin",
                        (t, c) -> t.send("DELETE", "/api/admin/api-keys/" + t.keyToRevoke.id(), null, c),
                        A, F, F, F, A, F),
                gatewayRow("read the security audit log  GET /api/admin/audit", "admin",
                        (t, c) -> t.send("GET", "/api/admin/audit", null, c), A, F, F, F, A, F));
    }

    private static Row writeRow(String name, String scope, boolean freshTicket, Action action, Outcome... outcomes) {
        return new Row(name, scope, true, freshTicket, action, outcomes);
    }

    private static Row readRow(String name, String scope, Action action, Outcome... outcomes) {
        return new Row(name, scope, true, false, action, outcomes);
    }

    private static Row gatewayRow(String name, String scope, Action action, Outcome... outcomes) {
        return new Row(name, scope, false, false, action, outcomes);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        matrixRows().forEach(row -> {
            for (Column column : Column.values()) {
                Outcome expected = column == Column.ANONYMOUS ? Outcome.UNAUTHENTICATED : row.outcomes()[column.ordinal()];
                cells.add(Arguments.of(column, row, expected));
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} × {1} -> {2}")
    @MethodSource("matrix")
    void everyRoleGetsWhatTheMatrixSays(Column column, Row row, Outcome expected) throws Exception {
        HttpResponse<String> response = row.action().call(this, credentials(column, row.scope()));

        assertThat(expected.matches(response.statusCode()))
                .as("%s %s answered %d: %s", column, row, response.statusCode(), response.body()).isTrue();
        if (expected != Outcome.ALLOWED) {
            assertProblem(response);
        }
        if (column == Column.API_KEY_WITHOUT_SCOPE && expected == Outcome.FORBIDDEN && row.namesMissingScope()) {
            assertThat(JSON.readTree(response.body()).path("scope").asText()).as(response.body()).isEqualTo(row.scope());
        }
        if (expected == Outcome.UNAUTHENTICATED) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    private Credentials credentials(Column column, String scope) {
        return switch (column) {
            case ADMIN -> Credentials.of(admin);
            case TEAM_LEAD -> Credentials.of(lead);
            case AGENT -> Credentials.of(agent);
            case CUSTOMER -> Credentials.of(customer);
            case API_KEY -> Credentials.of(keyWith(scope));
            case API_KEY_WITHOUT_SCOPE -> Credentials.of(keyWithout(scope));
            case ANONYMOUS -> Credentials.NONE;
        };
    }

    /** The key whose scopes cover the row: each key holds as little as its integration needs. */
    private TestTenant.ApiKey keyWith(String scope) {
        if (scope == null) {
            return ticketsReadKey;
        }
        return switch (scope) {
            case "tickets:read" -> ticketsReadKey;
            case "tickets:write", "customers:write" -> ticketsAndCustomersWriteKey;
            case "customers:read" -> customersReadKey;
            case "routing:read" -> routingReadKey;
            case "routing:write" -> routingWriteKey;
            default -> adminKey;
        };
    }

    /** A key of the same tenant that lacks the scope: write does not imply read, nor read write. */
    private TestTenant.ApiKey keyWithout(String scope) {
        if (scope == null) {
            return ticketsAndCustomersWriteKey;
        }
        return switch (scope) {
            case "tickets:read", "admin" -> ticketsAndCustomersWriteKey;
            default -> ticketsReadKey;
        };
    }

    // ---- what the caller may not know exists is not found ---------------------------------------------

    /**
     * A request on something the caller may not know exists: answered 404, exactly as for no such id.
     * {@code scope} is what an API key would need for it; the key calling holds it.
     */
    record Unseen(String what, Column column, String scope, Action action) {
    }

    static Stream<Arguments> unseen() {
        List<Unseen> cases = new ArrayList<>();
        for (Column column : List.of(Column.ADMIN, Column.TEAM_LEAD, Column.AGENT, Column.CUSTOMER, Column.API_KEY)) {
            cases.add(new Unseen("another tenant's ticket  GET /api/tickets/{id}", column, "tickets:read",
                    (t, c) -> t.send("GET", "/api/tickets/" + t.otherTenantsTicket, null, c)));
            cases.add(new Unseen("another tenant's ticket  GET .../history", column, "tickets:read",
                    (t, c) -> t.send("GET", "/api/tickets/" + t.otherTenantsTicket + "/history", null, c)));
            cases.add(new Unseen("another tenant's ticket  GET .../as-of/", column, "tickets:read",
                    (t, c) -> t.send("GET", "/api/tickets/" + t.otherTenantsTicket + "/as-of/" + Instant.now(), null, c)));
            cases.add(new Unseen("another tenant's attachment  GET .../attachments/{a}", column, "tickets:read",
                    (t, c) -> t.send("GET", t.otherTenantsAttachment, null, c)));
            cases.add(new Unseen("another tenant's ticket  POST .../responses", column, "tickets:write",
                    (t, c) -> t.send("POST", "/api/tickets/" + t.otherTenantsTicket + "/responses",
                            "{\"body\":\"Hi\"}", c)));
            cases.add(new Unseen("another tenant's ticket  PUT .../status", column, "tickets:write",
                    (t, c) -> t.send("PUT", "/api/tickets/" + t.otherTenantsTicket + "/status",
                            "{\"status\":\"PENDING\"}", c)));
            cases.add(new Unseen("another tenant's ticket  PUT .../assign me", column, "tickets:write",
                    (t, c) -> t.send("PUT", "/api/tickets/" + t.otherTenantsTicket + "/assign",
                            "{\"agentId\":\"me\"}", c)));
            cases.add(new Unseen("another tenant's customer  GET /api/customers/{id}", column, "customers:read",
                    (t, c) -> t.send("GET", "/api/customers/" + t.otherTenantsCustomer, null, c)));
            if (column != Column.CUSTOMER) {
                // a customer may edit no customer at all, so theirs is a 403 before any lookup
                cases.add(new Unseen("another tenant's customer  PUT /api/customers/{id}", column, "customers:write",
                        (t, c) -> t.send("PUT", "/api/customers/" + t.otherTenantsCustomer,
                                "{\"name\":\"Taken over\"}", c)));
            }
        }
        for (Column column : List.of(Column.ADMIN, Column.TEAM_LEAD, Column.API_KEY)) {
            cases.add(new Unseen("another tenant's user  GET /api/admin/users/{id}", column, "admin",
                    (t, c) -> t.send("GET", "/api/admin/users/" + t.otherTenant.admin().id(), null, c)));
        }
        for (Column column : List.of(Column.ADMIN, Column.TEAM_LEAD, Column.API_KEY)) {
            cases.add(new Unseen("another tenant's routing rule  GET /api/routing/rules/{id}", column, "routing:read",
                    (t, c) -> t.send("GET", "/api/routing/rules/" + t.otherTenantsRule, null, c)));
            cases.add(new Unseen("another tenant's routing rule  POST .../test", column, "routing:read",
                    (t, c) -> t.send("POST", "/api/routing/rules/" + t.otherTenantsRule + "/test",
                            "{\"ticket\":{\"ticketId\":\"t-1\"}}", c)));
        }
        for (Column column : List.of(Column.ADMIN, Column.API_KEY)) {
            cases.add(new Unseen("another tenant's routing rule  DELETE /api/routing/rules/{id}", column, "routing:write",
                    (t, c) -> t.send("DELETE", "/api/routing/rules/" + t.otherTenantsRule, null, c)));
        }
        for (Column column : List.of(Column.ADMIN, Column.API_KEY)) {
            cases.add(new Unseen("another tenant's API key  DELETE /api/admin/api-keys/{id}", column, "admin",
                    (t, c) -> t.send("DELETE", "/api/admin/api-keys/" + t.otherTenantsKey.id(), null, c)));
        }
        for (String which : List.of("another group's ticket", "another agent's ticket")) {
            cases.add(new Unseen(which + "  GET .../history", Column.AGENT, null,
                    (t, c) -> t.send("GET", "/api/tickets/" + t.hidden(which) + "/history", null, c)));
            cases.add(new Unseen(which + "  GET .../as-of/", Column.AGENT, null,
                    (t, c) -> t.send("GET", "/api/tickets/" + t.hidden(which) + "/as-of/" + Instant.now(), null, c)));
            cases.add(new Unseen(which + "  POST .../responses", Column.AGENT, null,
                    (t, c) -> t.send("POST", "/api/tickets/" + t.hidden(which) + "/responses", "{\"body\":\"Hi\"}", c)));
            cases.add(new Unseen(which + "  PUT .../status", Column.AGENT, null,
                    (t, c) -> t.send("PUT", "/api/tickets/" + t.hidden(which) + "/status", "{\"status\":\"PENDING\"}", c)));
            cases.add(new Unseen(which + "  PUT .../assign me", Column.AGENT, null,
                    (t, c) -> t.send("PUT", "/api/tickets/" + t.hidden(which) + "/assign", "{\"agentId\":\"me\"}", c)));
        }
        cases.add(new Unseen("another agent's ticket  GET .../attachments/{a}", Column.AGENT, null,
                (t, c) -> t.send("GET", t.attachmentOfAnotherAgentsTicket, null, c)));
        cases.add(new Unseen("another customer's ticket  GET .../history", Column.CUSTOMER, null,
                (t, c) -> t.send("GET", "/api/tickets/" + t.ofAnotherAgent + "/history", null, c)));
        cases.add(new Unseen("another customer's ticket  GET .../as-of/", Column.CUSTOMER, null,
                (t, c) -> t.send("GET", "/api/tickets/" + t.ofAnotherAgent + "/as-of/" + Instant.now(), null, c)));
        cases.add(new Unseen("another customer's ticket  POST .../responses", Column.CUSTOMER, null,
                (t, c) -> t.send("POST", "/api/tickets/" + t.ofAnotherAgent + "/responses", "{\"body\":\"Hi\"}", c)));
        cases.add(new Unseen("another customer's attachment  GET .../attachments/{a}", Column.CUSTOMER, null,
                (t, c) -> t.send("GET", t.attachmentOfAnotherAgentsTicket, null, c)));
        cases.add(new Unseen("another customer  GET /api/customers/{id}", Column.CUSTOMER, null,
                (t, c) -> t.send("GET", "/api/customers/" + t.omar, null, c)));
        return cases.stream().map(u -> Arguments.of(u.column(), u.what(), u.scope(), u.action()));
    }

    @ParameterizedTest(name = "{0} × {1} -> 404")
    @MethodSource("unseen")
    void whatTheCallerMayNotKnowExistsIsNotFound(Column column, String what, String scope, Action action) {
        HttpResponse<String> response = action.call(this, credentials(column, scope));

        assertThat(response.statusCode()).as("%s %s: %s", column, what, response.body()).isEqualTo(404);
        assertProblem(response);
    }

    private String hidden(String which) {
        return which.startsWith("another group") ? ofAnotherGroup : ofAnotherAgent;
    }

    // ---- credentials the gateway refuses ----------------------------------------------------------------

    static Stream<Arguments> forgedTokens() {
        return Stream.of(
                Arguments.of("the payload edited to make an agent an admin",
                        (UnaryOperator<String>) token -> withClaims(token, claims -> claims.putArray("roles").add("admin"))),
                Arguments.of("the expiry moved into the past (expired-looking)",
                        (UnaryOperator<String>) token -> withClaims(token, claims -> claims.put("exp",
                                Instant.now().minusSeconds(3600).getEpochSecond()))),
                Arguments.of("re-signed with a key the gateway does not publish, under the gateway's kid",
                        (UnaryOperator<String>) token -> resigned(token, claims -> { })),
                Arguments.of("for another audience, signed with a foreign key",
                        (UnaryOperator<String>) token -> resigned(token, claims -> claims.putArray("aud").add("elsewhere"))),
                Arguments.of("unsigned (alg none)",
                        (UnaryOperator<String>) token -> unsigned(token)),
                Arguments.of("not a JWT at all", (UnaryOperator<String>) token -> "not-a-token"));
    }

    @ParameterizedTest(name = "a token {0} -> 401")
    @MethodSource("forgedTokens")
    void aForgedTokenIsRefused(String how, UnaryOperator<String> forge) throws Exception {
        String genuine = agent.accessToken();
        assertThat(send("GET", "/api/tickets", null, Credentials.bearer(genuine)).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = send("GET", "/api/tickets", null, Credentials.bearer(forge.apply(genuine)));

        assertUnauthenticated(refused);
        assertThat(send("PUT", "/api/tickets/" + unassigned, "{\"priority\":\"URGENT\"}",
                Credentials.bearer(forge.apply(genuine))).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedOutSessionsTokenIsRefusedAtOnce() throws Exception {
        TestTenant.Member leaver = tenant.staff("leaver", "agent", List.of("tier-1"));
        assertThat(send("GET", "/api/tickets", null, Credentials.of(leaver)).statusCode()).isEqualTo(200);

        assertThat(send("POST", "/api/auth/logout", null, Credentials.of(leaver)).statusCode()).isEqualTo(204);

        assertUnauthenticated(send("GET", "/api/tickets", null, Credentials.of(leaver)));
        assertUnauthenticated(send("GET", "/api/me", null, Credentials.of(leaver)));
    }

    @Test
    void aDeactivatedUsersTokenIsRefusedAtOnceAndTheyCannotSignInAgain() throws Exception {
        TestTenant.Member deactivated = tenant.staff("deactivated", "agent", List.of("tier-1"));
        assertThat(send("GET", "/api/tickets", null, Credentials.of(deactivated)).statusCode()).isEqualTo(200);

        HttpResponse<String> done = send("POST", "/api/admin/users/" + deactivated.id() + "/deactivate", null,
                Credentials.of(admin));
        assertThat(done.statusCode()).as(done.body()).isBetween(200, 299);

        assertUnauthenticated(send("GET", "/api/tickets", null, Credentials.of(deactivated)));
        assertUnauthenticated(send("POST", "/api/tickets/" + unassigned + "/responses", "{\"body\":\"Still here\"}",
                Credentials.of(deactivated)));
        assertThat(logIn("deactivated@" + tenant.id() + ".test", TestTenant.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void guessingAPasswordLocksTheAccountSoEvenTheRightOneIsRefusedForAWhile() throws Exception {
        tenant.staff("guessed", "agent", List.of("tier-1"));
        String email = "guessed@" + tenant.id() + ".test";
        // five failures lock the account (gateway README); this stays well below the per-address throttle
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(logIn(email, "guess number " + attempt).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> rightPassword = logIn(email, TestTenant.PASSWORD);

        assertThat(rightPassword.statusCode()).as(rightPassword.body()).isEqualTo(401);
        assertProblem(rightPassword);
        assertThat(rightPassword.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(rightPassword.body()).doesNotContain("accessToken");
    }

    private HttpResponse<String> logIn(String email, String password) throws IOException {
        return send("POST", "/api/auth/login", JSON.writeValueAsString(Map.of("tenant", tenant.id(), "email", email,
                "password", password)), Credentials.NONE);
    }

    @Test
    void anApiKeyReachesOnlyItsScopesAndARevokedKeyNothing() throws Exception {
        TestTenant.ApiKey reporting = tenant.apiKey("reporting " + UUID.randomUUID(), List.of("tickets:read"));
        Credentials key = Credentials.of(reporting);

        assertThat(send("GET", "/api/tickets/" + unassigned, null, key).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/tickets/" + unassigned + "/history", null, key).statusCode()).isEqualTo(200);
        HttpResponse<String> write = send("PUT", "/api/tickets/" + unassigned + "/status", "{\"status\":\"PENDING\"}", key);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(write.body()).path("scope").asText()).isEqualTo("tickets:write");
        HttpResponse<String> customers = send("GET", "/api/customers/" + customer.id(), null, key);
        assertThat(customers.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(customers.body()).path("scope").asText()).isEqualTo("customers:read");
        assertThat(send("GET", "/api/admin/users", null, key).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/tickets/" + otherTenantsTicket, null, key).statusCode()).isEqualTo(404);

        assertThat(send("DELETE", "/api/admin/api-keys/" + reporting.id(), null, Credentials.of(admin)).statusCode())
                .isBetween(200, 299);

        assertUnauthenticated(send("GET", "/api/tickets/" + unassigned, null, key));
    }

    @Test
    void meSaysWhoTheCallerIs() throws Exception {
        JsonNode me = JSON.readTree(send("GET", "/api/me", null, Credentials.of(customer)).body());
        assertThat(me.path("id").asText()).isEqualTo(customer.id());
        assertThat(me.path("customerId").asText()).isEqualTo(customer.id());
        assertThat(me.path("tenant").asText()).isEqualTo(tenant.id());
        assertThat(me.path("roles").toString()).contains("customer");

        JsonNode agentsMe = JSON.readTree(send("GET", "/api/me", null, Credentials.of(agent)).body());
        assertThat(agentsMe.path("id").asText()).isEqualTo(agent.id());
        assertThat(agentsMe.path("roles").toString()).contains("agent");
        assertThat(agentsMe.path("groups").toString()).contains("tier-1");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** A routing rule of the tenant, made by its admin, for a row that deletes one. */
    private String newRule() {
        try {
            return created(send("POST", "/api/routing/rules", ROUTING_RULE, Credentials.of(admin))).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fresh() {
        String ticket = freshTickets.poll();
        if (ticket == null) {
            throw new IllegalStateException("the pool of fresh tickets is used up: count the rows that take one");
        }
        return ticket;
    }

    private String openTicket(String customerId, Map<String, Long> versions) throws IOException {
        JsonNode opened = created(send("POST", "/api/tickets",
                "{\"subject\":\"Cannot log in\",\"customerId\":\"" + customerId + "\"}", Credentials.of(admin)));
        String id = opened.get("ticketId").asText();
        versions.put(id, opened.get("version").asLong());
        return id;
    }

    /** A write by the admin that must succeed; the ticket's new version. */
    private long write(String method, String path, String body) throws IOException {
        HttpResponse<String> response = send(method, path, body, Credentials.of(admin));
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body()).get("version").asLong();
    }

    private void awaitProjection(String ticket, long version, Credentials reader) {
        await().atMost(PROJECTION_DEADLINE).pollInterval(Duration.ofMillis(200)).until(() ->
                send("GET", "/api/tickets/" + ticket + "?minVersion=" + version, null, reader).statusCode() == 200);
    }

    private String upload(String ticket, Credentials uploader) {
        HttpResponse<String> response = uploadAs(ticket, uploader);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        try {
            return "/api/tickets/" + ticket + "/attachments/" + JSON.readTree(response.body()).get("attachmentId").asText();
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private HttpResponse<String> uploadAs(String ticket, Credentials caller) {
        String boundary = "matrix-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"screenshot.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(PNG);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSystem.gateway(
                        "/api/tickets/" + ticket + "/attachments")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return exchange(request, caller);
    }

    private HttpResponse<String> send(String method, String path, String json, Credentials caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSystem.gateway(path)))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request, caller);
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request, Credentials caller) {
        if (caller.header() != null) {
            request.header(caller.header(), caller.value());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("gateway not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode created(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertProblem(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    // ---- forging tokens (the gateway's private key never leaves it, so every forgery must fail) --------

    private static String withClaims(String token, Consumer<ObjectNode> change) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(changed(parts[1], change)) + "." + parts[2];
    }

    private static String resigned(String token, Consumer<ObjectNode> change) {
        String[] parts = token.split("\\.");
        String signingInput = parts[0] + "." + encode(changed(parts[1], change));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey foreign = generator.generateKeyPair().getPrivate();
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(foreign);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) parse(parts[0]);
        header.put("alg", "none");
        return encode(header.toString()) + "." + parts[1] + ".";
    }

    private static String changed(String encodedClaims, Consumer<ObjectNode> change) {
        ObjectNode claims = (ObjectNode) parse(encodedClaims);
        change.accept(claims);
        return claims.toString();
    }

    private static JsonNode parse(String base64Url) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(base64Url));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
