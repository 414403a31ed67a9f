package org.autocrm.query.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.autocrm.events.Actor;
import org.autocrm.events.SlaBreached;
import org.autocrm.events.SlaClockChanged;
import org.autocrm.events.SlaTargetState;
import org.autocrm.query.EventStreamIntegration;
import org.junit.jupiter.api.Test;

/**
 * The SLA routing-service publishes on {@code autocrm.sla.v1} shows on ticket lists: the badge on each ticket,
 * {@code sort=sla} (soonest due first, missed ones first of all, tickets without SLA last), {@code slaStatus}
 * filters, and SLA compliance in the metrics; in whatever order the ticket and its SLA arrive.
 */
class SlaOnTicketListsIT extends EventStreamIntegration {

    private static final Actor ROUTING = new Actor("routing-service", "automation");

    private final Map<String, Long> slaSequences = new HashMap<>();

    @Test
    void listsSortAndFilterTicketsByTheirSlaAndShowItsBadgeToStaffOnly() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TicketEvents onTrack = ticket("on track");
        TicketEvents atRisk = ticket("at risk");
        TicketEvents missed = ticket("missed");
        TicketEvents waiting = ticket("waiting on the customer");
        TicketEvents noPolicy = ticket("no policy");

        clock(onTrack.id, now, active("first_response", now.plus(1, ChronoUnit.HOURS), now.plus(50, ChronoUnit.MINUTES)),
                active("resolution", now.plus(8, ChronoUnit.HOURS), now.plus(7, ChronoUnit.HOURS)));
        clock(atRisk.id, now, active("first_response", now.plus(10, ChronoUnit.MINUTES), now.minus(5, ChronoUnit.MINUTES)));
        clock(missed.id, now, active("first_response", now.minus(20, ChronoUnit.MINUTES), now.minus(30, ChronoUnit.MINUTES)),
                active("resolution", now.plus(2, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS)));
        breach(missed.id, "first_response", now.minus(20, ChronoUnit.MINUTES));
        clock(waiting.id, now, new SlaTargetState("resolution", "paused", null, null, 95, null, null));
        List.of(onTrack, atRisk, missed, waiting, noPolicy).forEach(this::awaitVersion);
        awaitSla(missed.id, "breached");
        awaitSla(waiting.id, "paused");
        awaitSla(onTrack.id, "on_track");
        awaitSla(atRisk.id, "at_risk");

        List<String> soonestFirst = ids("sort=sla");
        assertThat(soonestFirst.subList(0, 3)).containsExactly(missed.id, atRisk.id, onTrack.id);
        assertThat(soonestFirst.subList(3, 5)).as("tickets without a due time come last either way")
                .containsExactlyInAnyOrder(waiting.id, noPolicy.id);
        assertThat(ids("sort=sla&order=desc").subList(0, 3)).containsExactly(onTrack.id, atRisk.id, missed.id);
        assertThat(ids("slaStatus=breached")).containsExactly(missed.id);
        assertThat(ids("slaStatus=at_risk")).containsExactly(atRisk.id);
        assertThat(ids("slaStatus=on_track")).containsExactly(onTrack.id);
        assertThat(ids("slaStatus=paused")).containsExactly(waiting.id);
        assertThat(ids("slaStatus=breached,at_risk&sort=sla")).containsExactly(missed.id, atRisk.id);

        JsonNode badge = get("/api/tickets/" + missed.id, agent("maria", null)).getBody().get("sla");
        assertThat(badge.get("status").asText()).isEqualTo("breached");
        assertThat(badge.get("policyName").asText()).isEqualTo("Business hours");
        assertThat(badge.get("metric").asText()).isEqualTo("first_response");
        assertThat(Instant.parse(badge.get("dueAt").asText())).isEqualTo(now.minus(20, ChronoUnit.MINUTES));
        assertThat(get("/api/tickets/" + noPolicy.id, admin()).getBody().get("sla").isNull()).isTrue();
        assertThat(get("/api/tickets/" + missed.id, customer("sarah")).getBody().get("sla").isNull())
                .as("customers are not shown the organisation's SLA").isTrue();
    }

    @Test
    void aTicketWhoseSlaArrivedFirstGetsItWhenItArrivesAndKeepsItThroughLaterChanges() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = java.util.UUID.randomUUID().toString();
        clock(id, now, active("first_response", now.plus(30, ChronoUnit.MINUTES), now.plus(20, ChronoUnit.MINUTES)));
        await().atMost(Duration.ofSeconds(20)).until(() -> slaDocumentExists(id));

        TicketEvents late = new TicketEvents(id).created("arrived after its SLA", Map.of());
        awaitVersion(late);
        assertThat(get("/api/tickets/" + id, admin()).getBody().path("sla").path("status").asText()).isEqualTo("on_track");

        late.status("PENDING");
        clock(id, now, new SlaTargetState("first_response", "paused", null, null, 30, null, null));
        awaitVersion(late);
        awaitSla(id, "paused");
        assertThat(ids("slaStatus=on_track")).doesNotContain(id);
    }

    @Test
    void metricsTellTheShareOfFirstResponseAndResolutionTargetsMet() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TicketEvents met = ticket("answered in time", Map.of("priority", "HIGH"));
        TicketEvents late = ticket("answered late", Map.of("priority", "HIGH"));
        TicketEvents open = ticket("not answered yet", Map.of("priority", "HIGH"));
        TicketEvents low = ticket("a low one answered in time", Map.of("priority", "LOW"));
        clock(met.id, now, fulfilled("first_response", now.minus(1, ChronoUnit.MINUTES), null),
                fulfilled("resolution", now, null));
        clock(late.id, now, fulfilled("first_response", now, now.minus(5, ChronoUnit.MINUTES)),
                new SlaTargetState("resolution", "breached", now.minus(1, ChronoUnit.MINUTES), null, -1, null,
                        now.minus(1, ChronoUnit.MINUTES)));
        clock(open.id, now, active("first_response", now.plus(1, ChronoUnit.HOURS), now.plus(50, ChronoUnit.MINUTES)));
        clock(low.id, now, fulfilled("first_response", now, null));
        met.status("RESOLVED");
        late.status("RESOLVED");
        List.of(met, late, open, low).forEach(this::awaitVersion);

        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, JsonNode> byPriority = rows(get("/api/metrics/tickets?groupBy=priority&" + range, admin())
                    .getBody());
            assertThat(byPriority.get("HIGH").get("firstResponseSlaPercent").asDouble()).isEqualTo(50.0);
            assertThat(byPriority.get("HIGH").get("resolutionSlaPercent").asDouble()).isEqualTo(50.0);
            assertThat(byPriority.get("LOW").get("firstResponseSlaPercent").asDouble()).isEqualTo(100.0);
            assertThat(byPriority.get("LOW").get("resolutionSlaPercent").isNull()).isTrue();
        });
        String csv = getText("/api/metrics/tickets?groupBy=priority&format=csv&" + range, admin(),
                org.springframework.http.MediaType.valueOf("text/csv")).getBody();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("first_response_sla_percent,resolution_sla_percent");
    }

    @Test
    void anUnknownSlaStatusOrSortIsABadRequestNamingTheParameter() {
        JsonNode problem = get("/api/tickets?slaStatus=late", admin()).getBody();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.toString()).contains("slaStatus").contains("at_risk");
        assertThat(get("/api/tickets?sort=due", admin()).getBody().toString()).contains("sla");
    }

    private void clock(String ticketId, Instant at, SlaTargetState... targets) {
        publish(ticketId, nextSequence(ticketId), new SlaClockChanged(ticketId, tenant, "policy-business",
                "Business hours", List.of(targets), ROUTING, at), at);
    }

    private void breach(String ticketId, String metric, Instant dueAt) {
        publish(ticketId, nextSequence(ticketId), new SlaBreached(ticketId, tenant, "policy-business", metric, dueAt,
                ROUTING, Instant.now()), Instant.now());
    }

    private long nextSequence(String ticketId) {
        return slaSequences.merge(ticketId, 0L, (last, zero) -> last + 1);
    }

    private static SlaTargetState active(String metric, Instant dueAt, Instant warnAt) {
        return new SlaTargetState(metric, "active", dueAt, warnAt, 0, null, null);
    }

    private static SlaTargetState fulfilled(String metric, Instant at, Instant breachedAt) {
        return new SlaTargetState(metric, "fulfilled", null, null, 0, at, breachedAt);
    }

    private void awaitSla(String ticketId, String status) {
        awaitTicket(ticketId, ticket -> status.equals(ticket.path("sla").path("status").asText()));
        refresh("tickets");
    }

    private boolean slaDocumentExists(String ticketId) {
        try {
            return elasticsearch.exists(e -> e.index("ticket-sla").id(ticketId)).value();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private List<String> ids(String query) {
        JsonNode page = get("/api/tickets?size=100&" + query, admin()).getBody();
        assertThat(page.has("items")).as(page.toString()).isTrue();
        return new ArrayList<>(page.get("items").findValuesAsText("ticketId"));
    }

    private static Map<String, JsonNode> rows(JsonNode table) {
        Map<String, JsonNode> rows = new HashMap<>();
        table.get("groups").forEach(row -> rows.put(row.get("key").asText(), row));
        return rows;
    }
}
