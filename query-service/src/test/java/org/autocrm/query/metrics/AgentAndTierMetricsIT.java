package org.autocrm.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketStatus;
import org.autocrm.query.EventStreamIntegration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Agents' workload and performance, and metrics per customer tier and customer, from real ticket and customer events. */
class AgentAndTierMetricsIT extends EventStreamIntegration {

    private static final Actor ALEX = new Actor("alex", "agent");
    private final String range = "from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC);
    private final String gold = "gold-" + UUID.randomUUID();
    private final String silver = "silver-" + UUID.randomUUID();
    private final String unknown = "unknown-" + UUID.randomUUID();
    private Instant oldestOpen;

    /**
     * alex: one ticket answered after 10 minutes, resolved after 2 hours and rated 5; one HIGH still
     * open. bob: one PENDING. One unassigned ticket of a customer without a profile.
     */
    @BeforeEach
    void scenario() {
        customerProfile(gold).created("Gold Customer", "gold@example.org", "Acme", "gold");
        customerProfile(silver).created("Silver Customer", "silver@example.org", "Globex", "silver");
        Instant start = Instant.now().minus(Duration.ofHours(3));
        Ticket solved = ticketAt(gold, "Solved", start);
        solved.assigned("alex", null, start.plusSeconds(60))
                .message("public", ALEX, start.plusSeconds(600))
                .status(TicketStatus.OPEN, TicketStatus.RESOLVED, start.plusSeconds(7200))
                .rated(5, start.plusSeconds(7300));
        oldestOpen = start.plusSeconds(100);
        Ticket open = ticketAt(silver, "Still open", oldestOpen).priority("MEDIUM", "HIGH", oldestOpen.plusSeconds(1))
                .assigned("alex", null, oldestOpen.plusSeconds(2));
        Ticket pending = ticketAt(gold, "Waiting", start.plusSeconds(200))
                .assigned("bob", null, start.plusSeconds(300))
                .status(TicketStatus.OPEN, TicketStatus.PENDING, start.plusSeconds(400));
        Ticket nobodys = ticketAt(unknown, "Nobody's", start.plusSeconds(500));
        for (Ticket ticket : new Ticket[] {solved, open, pending, nobodys}) {
            awaitApplied(ticket);
        }
    }

    @Test
    void adminsSeeEveryAgentsOpenWorkAndPerformance() {
        Map<String, JsonNode> agents = await().atMost(Duration.ofSeconds(60)).until(
                () -> agentRows(get("/api/metrics/agents?" + range, admin()).getBody()),
                rows -> rows.containsKey("alex") && rows.containsKey("bob")
                        && rows.get("alex").path("rated").asLong() == 1 && rows.get("alex").path("open").asLong() == 1
                        && rows.get("bob").path("openByStatus").has("PENDING"));

        assertThat(agents).containsOnlyKeys("alex", "bob");
        JsonNode alex = agents.get("alex");
        assertThat(alex.get("openByStatus")).isEqualTo(json.valueToTree(Map.of("OPEN", 1)));
        assertThat(alex.get("openByPriority")).isEqualTo(json.valueToTree(Map.of("HIGH", 1)));
        double hoursOpen = Duration.between(oldestOpen, Instant.now()).toSeconds() / 3600.0;
        assertThat(alex.get("oldestOpenAgeHours").asDouble()).isCloseTo(hoursOpen, within(0.05));
        assertThat(alex.get("resolved").asLong()).isEqualTo(1);
        assertThat(alex.get("firstResponseMedianSeconds").asDouble()).isEqualTo(600.0);
        assertThat(alex.get("resolutionMedianSeconds").asDouble()).isEqualTo(7200.0);
        assertThat(alex.get("csatAverage").asDouble()).isEqualTo(5.0);
        assertThat(alex.get("csatSatisfiedPercent").asDouble()).isEqualTo(100.0);
        JsonNode bob = agents.get("bob");
        assertThat(bob.get("openByStatus")).isEqualTo(json.valueToTree(Map.of("PENDING", 1)));
        assertThat(bob.get("resolved").asLong()).isZero();
        assertThat(bob.get("resolutionMedianSeconds").isNull()).isTrue();

        assertThat(agentRows(get("/api/metrics/agents?" + range, teamLead()).getBody())).containsOnlyKeys("alex", "bob");
        ResponseEntity<String> csv = getText("/api/metrics/agents?format=csv&" + range, admin(), MediaType.ALL);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).startsWith("agent,open,open_by_status,open_by_priority,oldest_open_age_hours,resolved");
        assertThat(lines[1]).startsWith("alex,1,OPEN:1,HIGH:1,").contains(",1,600.0,7200.0,1,5.0,100.0");
        assertThat(lines[2]).startsWith("bob,1,PENDING:1,MEDIUM:1,");
    }

    @Test
    void anAgentSeesOnlyTheirOwnRowAndCustomersNone() {
        await().atMost(Duration.ofSeconds(60)).until(
                () -> agentRows(get("/api/metrics/agents?" + range, agent("bob", null)).getBody()),
                rows -> rows.keySet().equals(java.util.Set.of("bob")) && rows.get("bob").path("open").asLong() == 1);
        Map<String, JsonNode> idle = agentRows(get("/api/metrics/agents?" + range, agent("newbie", null)).getBody());
        assertThat(idle).containsOnlyKeys("newbie");
        assertThat(idle.get("newbie").get("open").asLong()).isZero();

        ResponseEntity<JsonNode> asCustomer = get("/api/metrics/agents", customer(gold));
        assertThat(asCustomer.getStatusCode().value()).isEqualTo(403);
        assertThat(asCustomer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/metrics/agents?from=someday", admin()).getStatusCode().value()).isEqualTo(400);
        As foreignAdmin = new As("tenant-" + UUID.randomUUID(), "ada", "admin", null);
        assertThat(get("/api/metrics/agents?" + range, foreignAdmin).getBody().get("agents")).isEmpty();
    }

    @Test
    void groupsTicketMetricsByCustomerTierAndByCustomer() {
        Map<String, JsonNode> tiers = await().atMost(Duration.ofSeconds(60)).until(
                () -> rows(get("/api/metrics/tickets?groupBy=tier&" + range, admin()).getBody()),
                // the metrics projection consumes on its own, so wait for every ticket of the scenario to reach it
                rows -> rows.containsKey("gold") && rows.get("gold").path("created").asLong() == 2
                        && rows.get("gold").path("resolved").asLong() == 1
                        && rows.containsKey("silver") && rows.containsKey("(none)"));
        assertThat(tiers).containsOnlyKeys("gold", "silver", "(none)");
        assertThat(tiers.get("silver").get("created").asLong()).isEqualTo(1);
        assertThat(tiers.get("(none)").get("created").asLong()).isEqualTo(1);
        assertThat(tiers.get("gold").get("csatAverage").asDouble()).isEqualTo(5.0);

        Map<String, JsonNode> customers = rows(get("/api/metrics/tickets?groupBy=customer&" + range, admin()).getBody());
        assertThat(customers).containsOnlyKeys(gold, silver, unknown);
        assertThat(customers.get(gold).get("created").asLong()).isEqualTo(2);

        ResponseEntity<String> csv = getText("/api/metrics/tickets?groupBy=tier&" + range, admin(),
                MediaType.parseMediaType("text/csv"));
        assertThat(csv.getBody().split("\r\n")).hasSize(4);
        assertThat(csv.getBody()).contains("\r\ngold,2,1,");
    }

    private static Map<String, JsonNode> agentRows(JsonNode table) {
        Map<String, JsonNode> rows = new TreeMap<>();
        table.path("agents").forEach(row -> rows.put(row.get("agentId").asText(), row));
        return rows;
    }

    private static Map<String, JsonNode> rows(JsonNode table) {
        Map<String, JsonNode> rows = new TreeMap<>();
        table.path("groups").forEach(row -> rows.put(row.get("key").asText(), row));
        return rows;
    }
}
