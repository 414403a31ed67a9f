package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Retries and circuit breakers towards the services: a service that is down costs the client a
 * quick 503 with Retry-After, idempotent reads whose connection failed are retried and writes never are,
 * and no caller can open a service's breaker for everyone with requests the service refuses on purpose.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // notification-service is down: its breaker opens after 4 calls and stays open for a minute
        "resilience4j.circuitbreaker.instances.notification-service.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.notification-service.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.notification-service.wait-duration-in-open-state=60s",
        // kb-service answers 503 on purpose here; its breaker must not open while retries are counted
        "resilience4j.circuitbreaker.instances.kb-service.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.kb-service.sliding-window-size=1000",
        // routing-service's breaker would open after 4 failures in a row
        "resilience4j.circuitbreaker.instances.routing-service.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.routing-service.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.routing-service.wait-duration-in-open-state=60s"})
@StubServices(unreachable = "notification-service")
class DownstreamResilienceIT {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void signIn() {
        client = GatewayRoutesIT.signedIn(client, context); // every /api request needs a signed-in caller
    }

    @Test
    void retriesAReadThatAProxyInBetweenAnswered502TwiceBeforePassingItsAnswerOn() {
        client.get().uri("/api/kb/articles/bad-gateway")
                .exchange()
                .expectStatus().isEqualTo(502);

        assertThat(StubService.named("kb-service").received()).hasSize(3)
                .allSatisfy(request -> assertThat(request.methodAndUri()).isEqualTo("GET /api/kb/articles/bad-gateway"));
    }

    @Test
    void neverRetriesA503TheServiceAnswered() {
        client.get().uri("/api/kb/articles/unavailable").exchange().expectStatus().isEqualTo(503);
        client.get().uri("/api/kb/articles/not-yet").exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");

        assertThat(StubService.named("kb-service").received()).hasSize(2);
    }

    @Test
    void deliberate503sWithRetryAfterNeverOpenTheBreakerForEveryoneElse() {
        // e.g. reads waiting for a version that is not there: any caller can make the service answer so
        for (int call = 0; call < 8; call++) {
            client.get().uri("/api/routing/rules/not-yet")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.service").isEqualTo("routing-service"); // the service's answer
        }

        client.get().uri("/api/routing/rules").exchange().expectStatus().isOk();
        assertThat(StubService.named("routing-service").received()).hasSize(9);
    }

    @Test
    void neverRetriesAWriteItCouldCreateTwice() {
        client.post().uri("/api/kb/articles/unavailable")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Printer FAQ\"}")
                .exchange()
                .expectStatus().isEqualTo(503);

        assertThat(StubService.named("kb-service").received()).hasSize(1);
    }

    @Test
    void doesNotRetryARequestTheServiceAnswered() {
        client.get().uri("/api/kb/articles/42").exchange().expectStatus().isOk();

        assertThat(StubService.named("kb-service").received()).hasSize(1);
    }

    @Test
    void opensTheBreakerOfAServiceThatIsDownAndThenAnswersAtOnceWithRetryAfter() {
        // a service nothing listens on: refused connections until its breaker has seen enough of them
        EntityExchangeResult<byte[]> answer = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            answer = client.post().uri("/api/webhooks")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectBody().returnResult();
            if (new String(answer.getResponseBodyContent()).contains("is failing")) {
                break;
            }
        }
        assertThat(new String(answer.getResponseBodyContent())).contains("is failing");

        long start = System.nanoTime();
        client.get().uri("/api/notifications/preferences")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(50, 60))
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("notification-service")
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .startsWith("notification-service is failing")
                        .doesNotContain("127.0.0.1")
                        .doesNotContain("localhost"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void keepsTheOtherServicesAvailableWhileOneIsDown() {
        client.get().uri("/api/notifications/preferences").exchange().expectStatus().isEqualTo(503);

        client.get().uri("/api/routing/rules").exchange().expectStatus().isOk();
    }
}
