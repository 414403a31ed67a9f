package org.autocrm.query.ticketsearch;

import org.autocrm.query.EventStreamIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/tickets/queue: counts of what the caller may see; open work only, except by status. */
class QueueStatisticsIT extends EventStreamIntegration {

    @BeforeEach
    void tickets() {
        List.of(
                ticket("alex's open", Map.of("priority", "HIGH")).assigned("alex", null),
                ticket("billing's pending", Map.of("priority", "LOW")).assigned(null, "billing").status("PENDING"),
                ticket("alex's resolved", Map.of("priority", "URGENT")).assigned("alex", null).status("RESOLVED"),
                ticket("nobody's open", Map.of("priority", "HIGH")),
                ticket("nobody's closed", Map.of("priority", "URGENT")).status("CLOSED"),
                ticket("sam's in progress", Map.of("customerId", "omar")).assigned("sam", null).status("IN_PROGRESS"))
                .forEach(this::awaitVersion);
    }

    @Test
    void adminsCountTheWholeQueue() {
        JsonNode queue = queue(admin());

        assertThat(counts(queue, "byStatus")).isEqualTo(Map.of("OPEN", 2L, "PENDING", 1L, "RESOLVED", 1L,
                "CLOSED", 1L, "IN_PROGRESS", 1L));
        assertThat(queue.get("open").asLong()).isEqualTo(4);
        assertThat(counts(queue, "byPriority")).isEqualTo(Map.of("HIGH", 2L, "LOW", 1L, "MEDIUM", 1L));
        assertThat(counts(queue, "byAgent")).isEqualTo(Map.of("alex", 1L, "sam", 1L));
        assertThat(counts(queue, "byGroup")).isEqualTo(Map.of("billing", 1L));
        assertThat(queue.get("unassigned").asLong()).isEqualTo(1);
    }

    @Test
    void agentsCountOnlyWhatTheyMaySee() {
        JsonNode alex = queue(agent("alex", null));

        assertThat(counts(alex, "byStatus")).isEqualTo(Map.of("OPEN", 2L, "RESOLVED", 1L, "CLOSED", 1L));
        assertThat(alex.get("open").asLong()).isEqualTo(2);
        assertThat(counts(alex, "byPriority")).isEqualTo(Map.of("HIGH", 2L));
        assertThat(counts(alex, "byAgent")).isEqualTo(Map.of("alex", 1L));
        assertThat(counts(alex, "byGroup")).isEmpty();
        assertThat(alex.get("unassigned").asLong()).isEqualTo(1);

        assertThat(counts(queue(agent("alex", "billing")), "byGroup")).isEqualTo(Map.of("billing", 1L));
    }

    @Test
    void customersCountOnlyTheirOwnTickets() {
        JsonNode omar = queue(customer("omar"));

        assertThat(counts(omar, "byStatus")).isEqualTo(Map.of("IN_PROGRESS", 1L));
        assertThat(omar.get("open").asLong()).isEqualTo(1);
        assertThat(counts(omar, "byAgent")).isEqualTo(Map.of("sam", 1L));
    }

    private JsonNode queue(As as) {
        var response = get("/api/tickets/queue", as);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private Map<String, Long> counts(JsonNode queue, String field) {
        Map<String, Long> counts = new java.util.HashMap<>();
        queue.get(field).fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
