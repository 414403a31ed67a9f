package org.autocrm.query.ticketsearch;

import org.autocrm.query.EventStreamIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A reader who just wrote passes the version the write returned and gets an answer that includes it, from every
 * kind of read, or a 503 with Retry-After when the projection does not get there in time, or at once a 404 when
 * what it names does not exist.
 */
class ReadYourWritesIT extends EventStreamIntegration {

    private static final String READ_AFTER = "X-AutoCRM-Read-After";

    @Test
    void aReadOfOneTicketWithMinVersionIncludesTheWriteThatReturnedThatVersion() {
        TicketEvents ticket = ticket("Printer on fire");
        awaitVersion(ticket);

        ticket.status("PENDING");
        ResponseEntity<JsonNode> read = getWith("/api/tickets/" + ticket.id + "?minVersion=1", admin(), null);

        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().get("version").asLong()).isEqualTo(1);
        assertThat(read.getBody().get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void listsQueueCustomerTicketsAndMetricsWaitForTheVersionsInTheHeader() {
        // each read below is sent right after the event it names is published, without waiting for it
        TicketEvents already = ticket("Already there");
        awaitVersion(already);

        TicketEvents first = ticket("First of two");
        JsonNode list = getWith("/api/tickets", admin(), first.id + ":0").getBody();
        assertThat(list.get("items").findValuesAsText("ticketId")).as(list.toString())
                .containsExactlyInAnyOrder(first.id, already.id);

        first.assigned(null, "billing");
        TicketEvents second = ticket("Second of two");
        JsonNode queue = getWith("/api/tickets/queue", admin(), first.id + ":1," + second.id + ":0").getBody();
        assertThat(queue.at("/byStatus/OPEN").asLong()).as(queue.toString()).isEqualTo(3);
        assertThat(queue.at("/byGroup/billing").asLong()).isEqualTo(1);

        second.status("PENDING");
        JsonNode history = getWith("/api/customers/sarah/tickets", agent("alex", "billing"), second.id + ":1")
                .getBody();
        assertThat(history.get("items").findValuesAsText("status")).containsExactlyInAnyOrder("PENDING", "OPEN", "OPEN");

        TicketEvents third = ticket("Third, for the metrics");
        JsonNode metrics = getWith("/api/metrics/tickets?groupBy=priority", admin(), third.id + ":0").getBody();
        assertThat(metrics.get("groups")).singleElement()
                .satisfies(row -> assertThat(row.get("created").asLong()).isEqualTo(4));
    }

    @Test
    void aVersionNotReachedInTimeIsA503WithRetryAfter() {
        TicketEvents ticket = ticket("Only version 0 exists");
        awaitVersion(ticket);

        long started = System.nanoTime();
        ResponseEntity<JsonNode> read = getWith("/api/tickets/" + ticket.id + "?minVersion=7", admin(), null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(read.getStatusCode().value()).isEqualTo(503);
        assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(read.getHeaders().getFirst("Retry-After"))).isBetween(1L, 30L);
        assertThat(read.getBody().get("detail").asText()).contains(ticket.id);

        ResponseEntity<JsonNode> list = getWith("/api/tickets", admin(), ticket.id + ":7");
        assertThat(list.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aReadWaitingForATicketThatDoesNotExistIsAFast404() {
        TicketEvents real = ticket("Exists");
        awaitVersion(real);
        String nowhere = UUID.randomUUID().toString();

        long started = System.nanoTime();
        ResponseEntity<JsonNode> one = getWith("/api/tickets/" + nowhere + "?minVersion=0", admin(), null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(one.getStatusCode().value()).as(String.valueOf(one.getBody())).isEqualTo(404);
        assertThat(one.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(one.getBody().get("detail").asText()).contains(nowhere).contains("does not exist");
        assertThat(took).as("answered without waiting the whole 2 s").isLessThan(Duration.ofMillis(1500));

        for (String read : new String[] {"/api/tickets", "/api/tickets/queue", "/api/tickets/" + real.id,
                "/api/metrics/tickets"}) {
            long start = System.nanoTime();
            ResponseEntity<JsonNode> answer = getWith(read, admin(), real.id + ":0," + nowhere + ":3");
            assertThat(answer.getStatusCode().value()).as(read + ": " + answer.getBody()).isEqualTo(404);
            assertThat(answer.getBody().get("detail").asText()).as(read).contains(nowhere).doesNotContain(real.id);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(read).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void aTicketPublishedWhileTheReadWaitsIsNotTakenForOneThatDoesNotExist() {
        // ticket-service publishes a write a moment after answering it: a read sent in between must still get it
        awaitVersion(ticket("Warms up the producer, so the late one is published in time"));
        String id = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<ResponseEntity<JsonNode>> read = CompletableFuture.supplyAsync(
                    () -> getWith("/api/tickets/" + id + "?minVersion=0", admin(), null), threads);
            CompletableFuture.runAsync(() -> new TicketEvents(id).created("Published late", Map.of()),
                    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS, threads)).join();

            ResponseEntity<JsonNode> answer = read.join();
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
            assertThat(answer.getBody().get("subject").asText()).isEqualTo("Published late");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anotherTenantsTicketDoesNotExistForThisOne() {
        TicketEvents ticket = ticket("Private");
        awaitVersion(ticket);

        As otherTenant = new As("tenant-other-" + tenant, "ada", "admin", null);
        ResponseEntity<JsonNode> list = getWith("/api/tickets", otherTenant, ticket.id + ":0");
        ResponseEntity<JsonNode> one = getWith("/api/tickets/" + ticket.id + "?minVersion=0", otherTenant, null);

        assertThat(list.getStatusCode().value()).isEqualTo(404);
        assertThat(one.getStatusCode().value()).isEqualTo(404);
        assertThat(list.getBody().toString()).doesNotContain("Private");
    }

    @Test
    void malformedVersionsAreProblemsNamingTheParameter() {
        assertBadRequest(getWith("/api/tickets", admin(), "no-version-here"), READ_AFTER);
        assertBadRequest(getWith("/api/tickets", admin(), "abc:-1"), READ_AFTER);
        assertBadRequest(getWith("/api/tickets", admin(), "abc:1,:2"), READ_AFTER);
        assertBadRequest(getWith("/api/tickets/abc?minVersion=soon", admin(), null), "minVersion");
        assertBadRequest(getWith("/api/tickets?minVersion=3", admin(), null), "minVersion");
    }

    @Test
    void theApiDocumentNamesTheHeaderOnEveryReadAndMinVersionOnTheReadOfOneTicket() {
        JsonNode paths = get("/v3/api-docs", admin()).getBody().get("paths");

        assertThat(paths.at("/~1api~1tickets~1{id}/get/parameters").findValuesAsText("name"))
                .contains(READ_AFTER, "minVersion");
        for (String read : new String[] {"/~1api~1tickets/get", "/~1api~1tickets~1queue/get",
                "/~1api~1customers~1{customerId}~1tickets/get", "/~1api~1metrics~1tickets/get"}) {
            assertThat(paths.at(read + "/parameters").findValuesAsText("name")).as(read).contains(READ_AFTER)
                    .doesNotContain("minVersion");
            assertThat(paths.at(read + "/responses/404/content").has("application/problem+json"))
                    .as(read + " documents the 404 of a ticket named that does not exist").isTrue();
        }
    }

    private static void assertBadRequest(ResponseEntity<JsonNode> response, String parameter) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("parameter").asText()).isEqualTo(parameter);
    }

    private ResponseEntity<JsonNode> getWith(String path, As as, String readAfter) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build().get().uri(path)
                .headers(h -> {
                    h.set("X-AutoCRM-Tenant", as.tenant());
                    h.set("X-AutoCRM-User", as.user());
                    h.set("X-AutoCRM-Role", as.role());
                    if (as.groups() != null) {
                        h.set("X-AutoCRM-Groups", as.groups());
                    }
                    if (readAfter != null) {
                        h.set(READ_AFTER, readAfter);
                    }
                })
                .retrieve().toEntity(JsonNode.class);
    }

}
