package org.autocrm.query.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.autocrm.access.TestTokens;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.query.EventStreamIntegration;
import org.autocrm.query.QueryServiceApplication;
import org.autocrm.servicetesting.sse.SseStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Presence and the live stream on two replicas of query-service (two application contexts on the same Kafka and
 * Elasticsearch): who is on a ticket is the same whichever replica is asked, a change made through one is told on
 * the streams of the other, a presence expires everywhere when it is not refreshed, and only staff who may see the
 * ticket take part.
 */
class PresenceAcrossReplicasIT extends EventStreamIntegration {

    private static ConfigurableApplicationContext secondReplica;
    private static int secondPort;

    private final List<SseStream> streams = new ArrayList<>();

    @BeforeAll
    static void startSecondReplica() {
        Infrastructure infrastructure = Infrastructure.shared();
        // as arguments: they must win over application.yml, as the first replica's test properties do
        secondReplica = new SpringApplicationBuilder(QueryServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                "--spring.elasticsearch.uris=" + infrastructure.elasticsearch().url());
        secondPort = ((ServletWebServerApplicationContext) secondReplica).getWebServer().getPort();
    }

    @AfterAll
    static void stopSecondReplica() {
        if (secondReplica != null) {
            secondReplica.close();
        }
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(SseStream::close);
    }

    @Test
    void whoIsOnATicketIsTheSameOnBothReplicasAndTheStreamsOfBothAreTold() {
        TicketEvents ticket = ticket("Shared printer", Map.of("customerId", "sarah"));
        awaitVersion(ticket);
        SseStream mariaOnSecond = stream(secondPort, signed("maria", "agent", "Maria Lopez"));
        SseStream adaOnFirst = stream(port, signed("ada", "admin", "Ada Admin"));
        Map<String, String> alex = signed("alex", "agent", "Alex Agent");

        JsonNode held = call(port, HttpMethod.POST, ticket.id, alex, Map.of("state", "viewing")).getBody();

        assertThat(held.path("present").findValuesAsText("userId")).containsExactly("alex");
        assertThat(held.path("expiresAfterSeconds").asLong()).isEqualTo(3);
        JsonNode onSecond = call(secondPort, HttpMethod.GET, ticket.id, alex, null).getBody();
        assertThat(onSecond.path("present").get(0).path("name").asText()).isEqualTo("Alex Agent");
        assertThat(onSecond.path("present").get(0).path("state").asText()).isEqualTo("viewing");
        assertThat(onSecond.path("present").get(0).path("since").asText()).isNotBlank();
        for (SseStream stream : List.of(mariaOnSecond, adaOnFirst)) {
            stream.await("presence", p -> p.path("userId").asText().equals("alex")
                    && p.path("state").asText().equals("viewing") && p.path("name").asText().equals("Alex Agent")
                    && p.path("ticketId").asText().equals(ticket.id));
        }

        call(secondPort, HttpMethod.POST, ticket.id, alex, Map.of("state", "typing"));
        assertThat(call(port, HttpMethod.GET, ticket.id, alex, null).getBody().path("present").get(0)
                .path("state").asText()).isEqualTo("typing");
        mariaOnSecond.await("presence", p -> p.path("state").asText().equals("typing"));

        assertThat(call(port, HttpMethod.DELETE, ticket.id, alex, null).getStatusCode().value()).isEqualTo(204);
        mariaOnSecond.await("presence", p -> p.path("state").asText().equals("left"));
        adaOnFirst.await("presence", p -> p.path("state").asText().equals("left"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                call(secondPort, HttpMethod.GET, ticket.id, alex, null).getBody().path("present").isEmpty());
    }

    @Test
    void aPresenceHoldsWhileItIsRefreshedAndExpiresEverywhereWhenItIsNot() {
        TicketEvents ticket = ticket("Refresh me", Map.of("customerId", "sarah"));
        awaitVersion(ticket);
        SseStream ada = stream(port, signed("ada", "admin", null));
        Map<String, String> alex = signed("alex", "agent", null);
        AtomicInteger refreshes = new AtomicInteger();
        ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();
        // the client refreshes every second, through either replica; a presence holds 3 s in this test
        client.scheduleAtFixedRate(() -> call(refreshes.getAndIncrement() % 2 == 0 ? port : secondPort,
                HttpMethod.POST, ticket.id, alex, Map.of("state", "viewing")), 0, 1, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> present(secondPort, ticket, alex).contains("alex"));
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() ->
                    present(port, ticket, alex).contains("alex") && present(secondPort, ticket, alex).contains("alex"));
        } finally {
            client.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(10)).until(() ->
                present(port, ticket, alex).isEmpty() && present(secondPort, ticket, alex).isEmpty());
        ada.await("presence", p -> p.path("userId").asText().equals("alex") && p.path("state").asText().equals("left"));
        assertThat(ada.events("presence")).hasSize(2); // came and expired; refreshes told nobody anything
    }

    private static List<String> present(int replicaPort, TicketEvents ticket, Map<String, String> as) {
        return call(replicaPort, HttpMethod.GET, ticket.id, as, null).getBody().path("present").findValuesAsText("userId");
    }

    @Test
    void everyReplicasStreamsSeeEveryTicketEvent() {
        SseStream onFirst = stream(port, signed("ada", "admin", null));
        SseStream onSecond = stream(secondPort, signed("ada", "admin", null));

        TicketEvents ticket = ticket("Seen everywhere", Map.of("customerId", "sarah"));
        ticket.message("public", "hello from the customer", "customer");

        for (SseStream stream : List.of(onFirst, onSecond)) {
            stream.await("ticket", e -> e.path("ticketId").asText().equals(ticket.id)
                    && e.path("messages").findValuesAsText("body").contains("hello from the customer"));
        }
    }

    @Test
    void onlyStaffWhoMaySeeTheTicketTakePartOrAreTold() {
        TicketEvents ticket = ticket("Alex's ticket", Map.of("customerId", "sarah")).assigned("alex", null);
        awaitVersion(ticket);
        Map<String, String> sam = signed("sam", "agent", "Sam");
        Map<String, String> sarah = signed("sarah", "customer", "Sarah");
        SseStream samsStream = stream(port, sam);
        SseStream sarahsStream = stream(secondPort, sarah);
        SseStream ada = stream(secondPort, signed("ada", "admin", null));

        assertProblem(call(port, HttpMethod.POST, ticket.id, sam, Map.of("state", "viewing")), 404);
        assertProblem(call(secondPort, HttpMethod.GET, ticket.id, sam, null), 404);
        assertProblem(call(port, HttpMethod.POST, ticket.id, sarah, Map.of("state", "viewing")), 403);
        assertProblem(call(port, HttpMethod.GET, ticket.id, sarah, null), 403);
        assertProblem(call(port, HttpMethod.GET, ticket.id, signed("omar", "customer", null), null), 404);
        assertProblem(call(port, HttpMethod.GET, "no-such-ticket", signed("ada", "admin", null), null), 404);
        Map<String, String> alex = signed("alex", "agent", "Alex Agent");
        ResponseEntity<JsonNode> sleeping = call(port, HttpMethod.POST, ticket.id, alex, Map.of("state", "sleeping"));
        assertProblem(sleeping, 400);
        assertThat(sleeping.getBody().path("parameter").asText()).isEqualTo("state");
        assertProblem(call(port, HttpMethod.POST, ticket.id, alex, Map.of()), 400);
        assertProblem(call(port, HttpMethod.POST, ticket.id, alex, null), 400);

        call(port, HttpMethod.POST, ticket.id, alex, Map.of("state", "typing"));
        ada.await("presence", p -> p.path("userId").asText().equals("alex"));
        ticket.message("public", "after the presence", "agent");
        sarahsStream.await("ticket", e -> e.path("messages").findValuesAsText("body").contains("after the presence"));
        assertThat(sarahsStream.events("presence")).isEmpty();
        assertThat(samsStream.events("presence")).isEmpty();
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Request headers of a caller signed in as the gateway would sign them, with a display name. */
    private Map<String, String> signed(String user, String role, String name) {
        String token = TestTokens.token(tenant, user, role).claim("name", name).sign();
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + token);
        return headers;
    }

    private SseStream stream(int replicaPort, Map<String, String> headers) {
        SseStream stream = SseStream.open("http://localhost:" + replicaPort + "/api/stream", headers);
        streams.add(stream);
        assertThat(stream.status()).isEqualTo(200);
        stream.await("ready", e -> true);
        return stream;
    }

    private static ResponseEntity<JsonNode> call(int replicaPort, HttpMethod method, String ticketId,
                                                 Map<String, String> headers, Object body) {
        RestClient.RequestBodySpec request = RestClient.builder().baseUrl("http://localhost:" + replicaPort)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build().method(method).uri("/api/presence/tickets/{id}", ticketId)
                .headers(h -> headers.forEach(h::set));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        } else if (method == HttpMethod.POST) {
            request.contentType(MediaType.APPLICATION_JSON);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
