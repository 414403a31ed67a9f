package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One caller's slow requests take only their own places: the next is refused at once, others go on. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "autocrm.gateway.bulkhead.per-caller=2")
@StubServices
class CallerBulkheadIT {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ApplicationContext context;

    @Test
    void aCallerWithAllPlacesTakenIsRefusedWith429WhileAnotherCallerIsServed() {
        WebTestClient busy = GatewayRoutesIT.signedIn(client, context).mutate()
                .responseTimeout(Duration.ofSeconds(20)).build();
        WebTestClient other = GatewayRoutesIT.signedIn(client, context);
        CompletableFuture<?> first = CompletableFuture.runAsync(() ->
                busy.get().uri("/api/kb/articles/slow").exchange().expectStatus().isOk());
        CompletableFuture<?> second = CompletableFuture.runAsync(() ->
                busy.get().uri("/api/kb/articles/slow").exchange().expectStatus().isOk());
        // once both slow requests are in flight (within the 3 s the stub takes), the caller's next one is refused
        org.awaitility.Awaitility.await().atMost(Duration.ofMillis(2500)).pollInterval(Duration.ofMillis(50))
                .until(() -> busy.get().uri("/api/kb/articles/42").exchange().returnResult(String.class)
                        .getStatus().value() == 429);
        busy.get().uri("/api/kb/articles/42")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat(detail.toString()).startsWith("At most 2 of your requests"));
        other.get().uri("/api/kb/articles/42").exchange().expectStatus().isOk();

        first.join();
        second.join();
        busy.get().uri("/api/kb/articles/42").exchange().expectStatus().isOk(); // the places are given back
    }
}
