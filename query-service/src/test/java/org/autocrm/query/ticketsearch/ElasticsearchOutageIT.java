package org.autocrm.query.ticketsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.autocrm.infrastructure.ElasticsearchNode;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.infrastructure.InfrastructureSettings;
import org.autocrm.query.projection.Projection;
import org.autocrm.query.projection.ProjectionLag;
import org.autocrm.query.projection.Projections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Elasticsearch goes down while ticket events keep coming: consumption waits without skipping or dead-lettering
 * anything, health says the projection is stuck, and when Elasticsearch is back every ticket arrives exactly as
 * published. It stops an Elasticsearch node of its own (the other tests' node is left alone) and consumes in
 * consumer groups of its own.
 */
@DirtiesContext
@TestPropertySource(properties = {
        "autocrm.query.consumer-group=query-service-outage-it",
        "autocrm.query.metrics.consumer-group=query-service-outage-it.metrics",
        "autocrm.query.projections.lag-refresh=1s",
        "autocrm.query.projections.stuck-after=3s"})
class ElasticsearchOutageIT extends ReadSideIntegration {

    private static Infrastructure own;

    @DynamicPropertySource
    static void ownElasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> node().url());
    }

    private static synchronized ElasticsearchNode node() {
        if (own == null) {
            own = Infrastructure.start(InfrastructureSettings.ephemeral());
        }
        return own.elasticsearch();
    }

    @AfterAll
    static void closeOwnElasticsearch() {
        if (own != null) {
            own.close();
        }
    }

    @Autowired
    Projections projections;
    @Autowired
    ProjectionLag lag;

    @Test
    void eventsPublishedWhileElasticsearchIsDownArriveExactlyOnceWhenItIsBack() {
        TicketEvents before = ticket("Before the outage");
        awaitVersion(before);
        awaitCaughtUp();
        long deadLettersBefore = deadLetters();

        node().stop();
        TicketEvents during;
        TicketEvents alsoDuring;
        try {
            before.status("IN_PROGRESS").assigned("alex", null);
            during = ticket("During the outage").send("autocrm.ticket.tags_changed.v1", Map.of("tags", List.of("outage")));
            alsoDuring = ticket("Also during the outage");

            ResponseEntity<JsonNode> read = get("/api/tickets/" + before.id, admin());
            assertThat(read.getStatusCode().value()).isEqualTo(503);
            assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(read.getHeaders().getFirst("Retry-After")).isNotBlank();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                lag.refresh();
                assertThat(lag.lag("tickets").orElseThrow().events()).isEqualTo(5);
                JsonNode health = actuatorHealth();
                assertThat(health.at("/components/projections/details/tickets/status").asText()).isEqualTo("DOWN");
                assertThat(health.at("/components/projections/details/tickets/reason").asText()).contains("behind by 5");
            });
        } finally {
            node().start();
        }

        JsonNode changed = awaitTicket(before.id, t -> t.path("version").asLong() == 2);
        assertThat(changed.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(changed.get("agentId").asText()).isEqualTo("alex");
        JsonNode tagged = awaitTicket(during.id, t -> t.path("version").asLong() == 1);
        assertThat(tagged.get("subject").asText()).isEqualTo("During the outage");
        assertThat(tagged.get("tags").toString()).isEqualTo("[\"outage\"]");
        JsonNode created = awaitTicket(alsoDuring.id, t -> t.path("version").asLong() == 0);
        assertThat(created.get("subject").asText()).isEqualTo("Also during the outage");
        awaitCaughtUp();
        assertThat(deadLetters()).as("nothing dead-lettered for an outage").isEqualTo(deadLettersBefore);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                actuatorHealth().at("/components/projections/status").asText()).isEqualTo("UP"));
    }

    private long deadLetters() {
        Projection tickets = projections.named("tickets").orElseThrow();
        return projections.progress(tickets).deadLettered();
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            lag.refresh();
            assertThat(lag.lag("tickets").orElseThrow().events()).isZero();
        });
    }

    private JsonNode actuatorHealth() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build()
                .get().uri("/actuator/health").retrieve().body(JsonNode.class);
    }
}
