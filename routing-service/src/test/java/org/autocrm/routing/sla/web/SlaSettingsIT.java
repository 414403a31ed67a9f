package org.autocrm.routing.sla.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.autocrm.servicetesting.AcceptsTestTokens;
import org.autocrm.servicetesting.Piece;
import org.autocrm.servicetesting.RunningInfrastructure;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An admin sets up business calendars and SLA policies through {@code /api/sla/calendars} and
 * {@code /api/sla/policies}, stored in the embedded MongoDB stand-in; team leads read them, agents and customers may
 * not, API keys need routing scopes; bad input is a 422 naming every field, and nothing is stored. Each test works in
 * a tenant of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "autocrm.sla.timers.enabled=false")
@RunningInfrastructure(value = Piece.MONGO, database = "routing_sla_settings")
@AcceptsTestTokens
class SlaSettingsIT {

    private static final String CALENDARS = "/api/sla/calendars";
    private static final String POLICIES = "/api/sla/policies";

    @Autowired
    TestRestTemplate http;

    private final TestCallers callers = TestCallers.inNewTenant();

    @Test
    void anAdminKeepsCalendarsWithSeveralSlotsADayAndOneDefault() {
        SignedCaller admin = callers.admin();
        ResponseEntity<JsonNode> berlin = send(HttpMethod.POST, CALENDARS, calendar("Berlin", "Europe/Berlin", true), admin);
        assertThat(berlin.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(berlin.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(berlin.getBody().path("default").asBoolean()).isTrue();
        assertThat(berlin.getBody().at("/slots/MONDAY/1/start").asText()).isEqualTo("13:00");
        assertThat(berlin.getBody().at("/holidays/0/date").asText()).isEqualTo("2026-12-25");

        ResponseEntity<JsonNode> tokyo = send(HttpMethod.POST, CALENDARS, calendar("Tokyo", "Asia/Tokyo", true), admin);
        String berlinId = berlin.getBody().path("id").asText();
        JsonNode list = send(HttpMethod.GET, CALENDARS, null, admin).getBody();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("name").asText()).isEqualTo("Berlin");
        assertThat(list.get(0).path("default").asBoolean()).as("the newer default replaces it").isFalse();
        assertThat(list.get(1).path("default").asBoolean()).isTrue();

        HttpHeaders stale = admin.headers();
        stale.setIfMatch("\"0\"");
        ResponseEntity<JsonNode> conflict = send(HttpMethod.PUT, CALENDARS + "/" + berlinId,
                calendar("Berlin", "Europe/Berlin", false), stale);
        assertProblem(conflict, HttpStatus.CONFLICT);
        assertThat(conflict.getBody().path("code").asText()).isEqualTo("VERSION_CONFLICT");

        String tokyoId = tokyo.getBody().path("id").asText();
        assertThat(send(HttpMethod.DELETE, CALENDARS + "/" + tokyoId, null, admin).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertProblem(send(HttpMethod.GET, CALENDARS + "/" + tokyoId, null, admin), HttpStatus.NOT_FOUND);
    }

    @Test
    void aCalendarWithOverlappingSlotsAndAnUnknownZoneIsRefusedNamingEachFieldAndNothingIsStored() {
        String invalid = """
                {"name": "Broken", "zone": "Europe/Berln",
                 "slots": {"MONDAY": [{"start": "09:00", "end": "12:00"}, {"start": "11:00", "end": "14:00"}],
                           "Funday": [{"start": "09:00", "end": "17:00"}]}}""";
        ResponseEntity<JsonNode> refused = send(HttpMethod.POST, CALENDARS, invalid, callers.admin());

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("CALENDAR_INVALID");
        assertThat(fields(refused.getBody())).containsExactlyInAnyOrder("zone", "slots.MONDAY[1]", "slots.Funday");
        assertThat(refused.getBody().path("detail").asText()).contains("overlaps 09:00");
        assertThat(send(HttpMethod.GET, CALENDARS, null, callers.admin()).getBody()).isEmpty();
    }

    @Test
    void holidaysAreImportedFromAnICalendarDocumentAndABrokenOneChangesNothing() {
        SignedCaller admin = callers.admin();
        String id = send(HttpMethod.POST, CALENDARS, calendar("Berlin", "Europe/Berlin", true), admin).getBody()
                .path("id").asText();
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VEVENT", "UID:1", "DTSTART;VALUE=DATE:20261231", "SUMMARY:New Year's Eve", "END:VEVENT",
                "BEGIN:VEVENT", "UID:2", "DTSTART;VALUE=DATE:20270101", "SUMMARY:New Year", "END:VEVENT",
                "END:VCALENDAR", "");
        HttpHeaders headers = admin.headers();
        headers.setContentType(MediaType.parseMediaType("text/calendar"));
        ResponseEntity<JsonNode> imported = http.exchange(CALENDARS + "/" + id + "/holidays/import", HttpMethod.POST,
                new HttpEntity<>(ics, headers), JsonNode.class);

        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().path("added").asInt()).isEqualTo(2);
        assertThat(imported.getBody().at("/calendar/holidays")).hasSize(3);
        assertThat(imported.getBody().at("/calendar/version").asLong()).isEqualTo(1);

        ResponseEntity<JsonNode> broken = http.exchange(CALENDARS + "/" + id + "/holidays/import", HttpMethod.POST,
                new HttpEntity<>("not a calendar", headers), JsonNode.class);
        assertProblem(broken, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(broken.getBody())).containsExactly("ics");
        assertThat(send(HttpMethod.GET, CALENDARS + "/" + id, null, admin).getBody().path("holidays")).hasSize(3);
    }

    @Test
    void anAdminKeepsPoliciesInTheOrderTheyAreTried() {
        SignedCaller admin = callers.admin();
        String calendarId = send(HttpMethod.POST, CALENDARS, calendar("Berlin", "Europe/Berlin", true), admin)
                .getBody().path("id").asText();
        ResponseEntity<JsonNode> late = send(HttpMethod.POST, POLICIES, policy("Everything else", 20, null), admin);
        ResponseEntity<JsonNode> first = send(HttpMethod.POST, POLICIES, policy("Gold", 10, calendarId), admin);

        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getLocation()).hasToString(POLICIES + "/" + first.getBody().path("id").asText());
        assertThat(first.getBody().at("/targets/HIGH/first_response/minutes").asInt()).isEqualTo(60);
        assertThat(first.getBody().at("/breachActions/0/type").asText()).isEqualTo("escalate");
        assertThat(first.getBody().at("/conditions/0/field").asText()).isEqualTo("customer.tier");
        assertThat(ids(send(HttpMethod.GET, POLICIES, null, admin).getBody()))
                .containsExactly(first.getBody().path("id").asText(), late.getBody().path("id").asText());

        assertProblem(send(HttpMethod.DELETE, CALENDARS + "/" + calendarId, null, admin), HttpStatus.CONFLICT);

        HttpHeaders ifMatch = admin.headers();
        ifMatch.setIfMatch("\"0\"");
        ResponseEntity<JsonNode> off = send(HttpMethod.PUT, POLICIES + "/" + first.getBody().path("id").asText(),
                policy("Gold", 10, calendarId).replace("\"active\": true", "\"active\": false"), ifMatch);
        assertThat(off.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(off.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(off.getBody().path("active").asBoolean()).isFalse();
    }

    @Test
    void aPolicyWithoutTargetsOnAnUnknownCalendarAndFieldIsRefusedNamingEachAndNothingIsStored() {
        String invalid = """
                {"name": "Broken", "position": 1, "calendarId": "no-such-calendar",
                 "conditions": [{"field": "prioritty", "operator": "is", "value": "HIGH"}],
                 "targets": {}, "warningLeadMinutes": -5,
                 "breachActions": [{"type": "escalate"}, {"type": "page_someone"}]}""";
        ResponseEntity<JsonNode> refused = send(HttpMethod.POST, POLICIES, invalid, callers.admin());

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("POLICY_INVALID");
        assertThat(fields(refused.getBody())).containsExactlyInAnyOrder("conditions[0].field", "targets",
                "warningLeadMinutes", "calendarId", "breachActions[0].groupId", "breachActions[1].type");
        assertThat(refused.getBody().path("detail").asText()).contains("did you mean \"priority\"");
        assertThat(send(HttpMethod.GET, POLICIES, null, callers.admin()).getBody()).isEmpty();
    }

    @Test
    void aBusinessHoursPolicyNeedsACalendarWhenTheTenantHasNoDefault() {
        ResponseEntity<JsonNode> refused = send(HttpMethod.POST, POLICIES, policy("No calendar", 1, null), callers.admin());

        assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(refused.getBody())).containsExactly("calendarId");
    }

    @Test
    void teamLeadsReadAgentsAndCustomersMayNotApiKeysNeedTheirScope() {
        SignedCaller admin = callers.admin();
        send(HttpMethod.POST, CALENDARS, calendar("Berlin", "Europe/Berlin", true), admin);

        assertThat(send(HttpMethod.GET, CALENDARS, null, callers.teamLead()).getBody()).hasSize(1);
        assertThat(send(HttpMethod.GET, POLICIES, null, callers.teamLead()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(send(HttpMethod.POST, POLICIES, policy("Lead's", 1, null), callers.teamLead()), HttpStatus.FORBIDDEN);
        assertProblem(send(HttpMethod.GET, CALENDARS, null, callers.agent()), HttpStatus.FORBIDDEN);
        assertProblem(send(HttpMethod.GET, POLICIES, null, callers.customer("c-1")), HttpStatus.FORBIDDEN);

        assertThat(send(HttpMethod.GET, CALENDARS, null, callers.apiKey("routing:read")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertProblem(send(HttpMethod.POST, CALENDARS, calendar("Key", "Europe/Berlin", false),
                callers.apiKey("routing:read")), HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.POST, POLICIES, policy("By key", 1, null), callers.apiKey("routing:write"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(send(HttpMethod.GET, POLICIES, null, callers.apiKey("tickets:read")), HttpStatus.FORBIDDEN);
    }

    @Test
    void aTicketWithoutAClockIsNotFoundForStaffAndForbiddenToCustomers() {
        ResponseEntity<JsonNode> unknown = send(HttpMethod.GET, "/api/sla/tickets/no-such-ticket", null, callers.agent());

        assertProblem(unknown, HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("code").asText()).isEqualTo("SLA_CLOCK_NOT_FOUND");
        assertProblem(send(HttpMethod.GET, "/api/sla/tickets/no-such-ticket", null, callers.customer("c-1")),
                HttpStatus.FORBIDDEN);
        assertProblem(send(HttpMethod.GET, "/api/sla/tickets/no-such-ticket", null, callers.apiKey("routing:read")),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void theOpenApiDocumentNamesTheRefusalsOfEachOperation() {
        JsonNode paths = http.getForObject("/v3/api-docs", JsonNode.class).path("paths");

        assertThat(paths.at("/~1api~1sla~1calendars/post/responses").has("422")).isTrue();
        assertThat(paths.at("/~1api~1sla~1calendars~1{id}/put/responses").has("409")).isTrue();
        assertThat(paths.at("/~1api~1sla~1calendars~1{id}~1holidays~1import/post/responses").has("422")).isTrue();
        assertThat(paths.at("/~1api~1sla~1policies/post/responses").has("422")).isTrue();
        assertThat(paths.at("/~1api~1sla~1tickets~1{ticketId}/get/responses").has("404")).isTrue();
    }

    static String calendar(String name, String zone, boolean isDefault) {
        return """
                {"name": "%s", "zone": "%s", "default": %s,
                 "slots": {"MONDAY": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
                           "TUESDAY": [{"start": "09:00", "end": "17:00"}]},
                 "holidays": [{"date": "2026-12-25", "name": "Christmas"}]}""".formatted(name, zone, isDefault);
    }

    static String policy(String name, int position, String calendarId) {
        return """
                {"name": "%s", "position": %d, "active": true, %s
                 "conditions": [{"field": "customer.tier", "operator": "in", "value": ["gold", "platinum"]}],
                 "targets": {"HIGH": {"first_response": {"minutes": 60, "basis": "business"},
                                      "resolution": {"minutes": 480, "basis": "business"}},
                             "LOW": {"resolution": {"minutes": 2880, "basis": "calendar"}}},
                 "warningLeadMinutes": 15,
                 "breachActions": [{"type": "escalate", "groupId": "tier-2"}, {"type": "notify_team_lead", "userId": "lena"}]}"""
                .formatted(name, position, calendarId == null ? "" : "\"calendarId\": \"" + calendarId + "\",");
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, SignedCaller caller) {
        return send(method, path, body, caller.headers());
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, HttpHeaders headers) {
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
    }
}
