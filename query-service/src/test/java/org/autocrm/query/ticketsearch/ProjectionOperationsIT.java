package org.autocrm.query.ticketsearch;

import org.autocrm.query.EventStreamIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.autocrm.events.EventStreams;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.query.projection.Projection;
import org.autocrm.query.projection.ProjectionLag;
import org.autocrm.query.projection.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Operating the ticket projection on real Kafka and Elasticsearch: a rebuild into a new index while tickets keep
 * being written and read, lag and health while the listener is stopped, resuming from committed offsets, and
 * dead-lettering an event that can never be applied. Its consumer groups are its own, so that stopping its
 * listener is not hidden by another test context consuming in the same group.
 */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
        "autocrm.query.consumer-group=query-service-ops-it",
        "autocrm.query.metrics.consumer-group=query-service-ops-it.metrics",
        "autocrm.query.projections.unappliable-attempts=3",
        "autocrm.query.projections.unappliable-interval=200ms",
        "autocrm.query.projections.lag-refresh=1s"})
class ProjectionOperationsIT extends EventStreamIntegration {

    @Autowired
    Projections projections;
    @Autowired
    ProjectionLag lag;

    @Test
    void aRebuildReplaysIntoANewIndexAndSwapsTheAliasWhileTicketsAreWrittenAndRead() throws Exception {
        TicketEvents before = ticket("Written before the rebuild").status("IN_PROGRESS");
        awaitVersion(before);
        Set<String> oldIndices = tickets().index().currentIndices();

        List<TicketEvents> writtenDuring = new ArrayList<>();
        List<Integer> answersDuring = new ArrayList<>();
        ResponseEntity<JsonNode> started = post("/api/admin/projections/tickets/rebuild", admin());
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        assertThat(started.getHeaders().getLocation()).hasPath("/api/admin/projections/tickets/rebuild");
        JsonNode status = started.getBody();
        while (status.get("state").asText().equals("RUNNING")) {
            writtenDuring.add(ticket("Written during the rebuild").assigned("alex", null));
            ResponseEntity<JsonNode> read = get("/api/tickets/" + before.id, admin());
            answersDuring.add(read.getStatusCode().value());
            assertThat(read.getBody().get("status").asText()).isEqualTo("IN_PROGRESS");
            answersDuring.add(get("/api/tickets?size=1", admin()).getStatusCode().value());
            status = get("/api/admin/projections/tickets/rebuild", admin()).getBody();
        }
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.get("eventsApplied").asLong()).isPositive();
        assertThat(status.get("previousIndices")).hasSize(oldIndices.size());

        assertThat(answersDuring).isNotEmpty().containsOnly(200);
        Set<String> nowBehindAlias = tickets().index().currentIndices();
        assertThat(nowBehindAlias).hasSize(1).doesNotContainAnyElementsOf(oldIndices);
        assertThat(nowBehindAlias.iterator().next()).startsWith("tickets-v1-");
        for (String old : oldIndices) {
            assertThat(elasticsearch.indices().exists(e -> e.index(old)).value()).as("old index " + old + " deleted")
                    .isFalse();
        }
        assertThat(writtenDuring).isNotEmpty();
        awaitVersion(before);
        for (TicketEvents during : writtenDuring) {
            JsonNode ticket = awaitTicket(during.id, t -> t.path("version").asLong() == during.sequence);
            assertThat(ticket.get("agentId").asText()).isEqualTo("alex");
        }
    }

    @Test
    void theMetricsProjectionIsRebuiltTheSameWay() throws Exception {
        TicketEvents ticket = ticket("Measured before the rebuild");
        ticket.status("RESOLVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> resolvedInMetrics() == 1);
        Projection metrics = projections.named("metrics").orElseThrow();
        Set<String> oldIndices = metrics.index().currentIndices();

        assertThat(post("/api/admin/projections/metrics/rebuild", admin()).getStatusCode().value()).isEqualTo(202);
        JsonNode status = await().atMost(Duration.ofSeconds(120))
                .until(() -> get("/api/admin/projections/metrics/rebuild", admin()).getBody(),
                        s -> !s.get("state").asText().equals("RUNNING"));

        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(metrics.index().currentIndices()).hasSize(1).doesNotContainAnyElementsOf(oldIndices)
                .allMatch(name -> name.startsWith("ticket-metrics-v1-"));
        assertThat(resolvedInMetrics()).isEqualTo(1);
    }

    private long resolvedInMetrics() {
        JsonNode table = get("/api/metrics/tickets?groupBy=priority", admin()).getBody();
        return table.path("groups").findValues("resolved").stream().mapToLong(JsonNode::asLong).sum();
    }

    @Test
    void rebuildingIsForAdminsAndNamesAKnownProjection() {
        ResponseEntity<JsonNode> agent = post("/api/admin/projections/tickets/rebuild", agent("alex", null));
        assertThat(agent.getStatusCode().value()).isEqualTo(403);
        assertThat(agent.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/admin/projections/tickets/rebuild", teamLead()).getStatusCode().value()).isEqualTo(403);
        assertThat(get("/api/admin/projections", customer("sarah")).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> unknown = post("/api/admin/projections/nonsense/rebuild", admin());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        JsonNode all = get("/api/admin/projections", admin()).getBody();
        assertThat(all.findValuesAsText("name")).contains("tickets", "metrics");
    }

    @Test
    void aStoppedListenerShowsItsLagAndResumesFromItsCommittedOffsetsWithoutReplayingEverything() {
        TicketEvents first = ticket("Before the stop");
        awaitApplied(first);
        MessageListenerContainer listener = projections.listener(tickets()).orElseThrow();
        listener.stop();
        try {
            long appliedBefore = projections.progress(tickets()).applied();
            TicketEvents second = ticket("While stopped").status("PENDING");
            first.status("IN_PROGRESS");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                lag.refresh();
                assertThat(lag.lag("tickets").orElseThrow().events()).isEqualTo(3);
                JsonNode health = getActuator("/actuator/health");
                assertThat(health.at("/components/projections/status").asText()).isEqualTo("DOWN");
                assertThat(health.at("/components/projections/details/tickets/listener").asText()).isEqualTo("stopped");
                assertThat(health.at("/components/projections/details/tickets/lagEvents").asLong()).isEqualTo(3);
                assertThat(prometheus()).contains("autocrm_projection_lag_events{projection=\"tickets\"} 3.0");
            });

            listener.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                lag.refresh();
                assertThat(lag.lag("tickets").orElseThrow().events()).isZero();
            });
            assertThat(projections.progress(tickets()).applied() - appliedBefore)
                    .as("events applied after the restart: only those published while stopped").isEqualTo(3);
            awaitVersion(second);
            awaitVersion(first);
            // a lag measurement that timed out on a loaded machine reads UNKNOWN until the next one
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                lag.refresh();
                JsonNode health = getActuator("/actuator/health");
                assertThat(health.at("/components/projections/status").asText()).as(health.toString()).isEqualTo("UP");
            });
            assertThat(prometheus()).contains("autocrm_projection_lag_events{projection=\"tickets\"} 0.0")
                    .contains("autocrm_projection_lag_seconds{projection=\"metrics\"}");
        } finally {
            listener.start();
        }
    }

    @Test
    void anEventForATicketWithoutADocumentIsDeadLetteredAndItsPartitionMovesOn() throws Exception {
        String orphan = UUID.randomUUID().toString();
        long deadBefore = projections.progress(tickets()).deadLettered();
        TicketEvents neverCreated = new TicketEvents(orphan);
        neverCreated.sequence = 4;
        neverCreated.status("PENDING");
        TicketEvents samePartition = ticketOnPartitionOf(orphan, "Behind the dead letter");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> projections.progress(tickets()).deadLettered() - deadBefore == 1);
        awaitApplied(samePartition);
        ConsumerRecord<String, String> deadLetter = deadLetterOf(orphan);
        assertThat(new String(deadLetter.headers().lastHeader("autocrm-projection").value())).isIn("tickets", "metrics");
        assertThat(deadLetter.value()).contains("\"sequence\":5");
        assertThat(get("/api/tickets/" + orphan, admin()).getStatusCode().value()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                getActuator("/actuator/health").at("/components/projections/details/tickets/deadLetters").asLong())
                .isGreaterThanOrEqualTo(1));
        assertThat(prometheus()).containsPattern("autocrm_projection_dead_letters_total\\{projection=\"tickets\"} [1-9]");
    }

    @Test
    void aPollWithAnUnappliableEventInTheMiddleAppliesWhatComesBeforeAndAfterIt() throws Exception {
        MessageListenerContainer live = projections.listener(tickets()).orElseThrow();
        long deadBefore = projections.progress(tickets()).deadLettered();
        TicketEvents before = ticket("Before the orphan");
        awaitVersion(before);
        String orphan;
        TicketEvents after;
        live.stop(); // what follows then arrives in one poll, on one partition
        try {
            before.assigned("alex", null);
            orphan = idOnPartitionOf(before.id);
            TicketEvents neverCreated = new TicketEvents(orphan);
            neverCreated.sequence = 2;
            neverCreated.status("PENDING");
            after = ticketOnPartitionOf(before.id, "After the orphan");
            before.status("PENDING");
        } finally {
            live.start();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> projections.progress(tickets()).deadLettered() - deadBefore == 1);
        awaitVersion(after);
        JsonNode changed = awaitTicket(before.id, t -> t.path("version").asLong() == before.sequence);
        assertThat(changed.get("agentId").asText()).isEqualTo("alex");
        assertThat(changed.get("status").asText()).isEqualTo("PENDING");
        assertThat(get("/api/tickets/" + orphan, admin()).getStatusCode().value()).isEqualTo(404);
        assertThat(deadLetterOf(orphan).value()).contains("\"sequence\":3");
    }

    private Projection tickets() {
        return projections.named("tickets").orElseThrow();
    }

    /** Waits until this context's own listener has applied the ticket's last event (not some other context's). */
    private void awaitApplied(TicketEvents ticket) {
        awaitVersion(ticket);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            lag.refresh();
            assertThat(lag.lag("tickets").orElseThrow().events()).isZero();
        });
    }

    /** A new ticket whose id hashes to the same partition as {@code other}'s. */
    private TicketEvents ticketOnPartitionOf(String other, String subject) {
        return new TicketEvents(idOnPartitionOf(other)).created(subject, Map.of());
    }

    /** A new ticket id that hashes to the same partition as {@code other}. */
    private String idOnPartitionOf(String other) {
        int partitions = partitionCount();
        int wanted = partitionOf(other, partitions);
        String id;
        do {
            id = UUID.randomUUID().toString();
        } while (partitionOf(id, partitions) != wanted);
        return id;
    }

    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    private int partitionCount() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.partitionsFor(EventStreams.TICKETS).size();
        }
    }

    private ConsumerRecord<String, String> deadLetterOf(String ticketId) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor("autocrm.tickets.v1.query-service.dlt").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ticketId.equals(record.key())) {
                        return record;
                    }
                }
                return null;
            }, java.util.Objects::nonNull);
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
    }

    private RestClient plain() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    private JsonNode getActuator(String path) {
        return plain().get().uri(path).retrieve().body(JsonNode.class);
    }

    private String prometheus() {
        return plain().get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    private ResponseEntity<JsonNode> post(String path, As as) {
        return plain().post().uri(path)
                .header("X-AutoCRM-Tenant", as.tenant()).header("X-AutoCRM-User", as.user())
                .header("X-AutoCRM-Role", as.role())
                .retrieve().toEntity(JsonNode.class);
    }
}
