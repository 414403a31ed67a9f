package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;

/**
 * Rate limits per caller. The caller is named by identity's authentication filter; to choose callers
 * freely, a stand-in filter right after it copies the test's {@code X-Test-Caller} header into the
 * rate-limit key attribute (the requests themselves are signed in, as every /api request must be).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "autocrm.gateway.rate-limit.users.limit=5",
        "autocrm.gateway.rate-limit.users.window=60s",
        "autocrm.gateway.rate-limit.api-keys.limit=8",
        "autocrm.gateway.rate-limit.api-keys.window=60s",
        "autocrm.gateway.rate-limit.anonymous.limit=3",
        "autocrm.gateway.rate-limit.anonymous.window=30s"})
@StubServices
class RateLimitIT {

    @TestConfiguration
    static class StandInForAuthentication {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 150) // after identity (+100), before the rate limiter (+200)
        WebFilter namesTheCaller() {
            return (exchange, chain) -> {
                String caller = exchange.getRequest().getHeaders().getFirst("X-Test-Caller");
                if (caller != null) {
                    exchange.getAttributes().put("autocrm.rateLimitKey", caller);
                }
                return chain.filter(exchange);
            };
        }
    }

    @Autowired
    private WebTestClient anonymous;

    @Autowired
    private ApplicationContext context;

    private WebTestClient client;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        client = GatewayRoutesIT.signedIn(anonymous, context);
    }

    @Test
    void countsDownAUsersRequestsAndRefusesTheOneOverTheLimitWithRetryAfter() {
        for (int remaining = 4; remaining >= 0; remaining--) {
            client.get().uri("/api/tickets").header("X-Test-Caller", "user:acme:u-anna")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "5")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(remaining))
                    .expectHeader().valueEquals("RateLimit-Policy", "5;w=60")
                    .expectHeader().value("RateLimit-Reset", reset -> assertThat(Integer.parseInt(reset)).isBetween(1, 60));
        }
        int reachedService = StubService.named("query-service").received().size();

        client.get().uri("/api/tickets").header("X-Test-Caller", "user:acme:u-anna")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                // one request back every 60 s / 5 = 12 s
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retry -> assertThat(Integer.parseInt(retry)).isBetween(1, 12))
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).startsWith("Rate limit of 5 requests per 60 seconds exceeded"))
                .jsonPath("$.requestId").isNotEmpty();
        assertThat(StubService.named("query-service").received()).hasSize(reachedService);
    }

    @Test
    void limitsEachCallerOnItsOwn() {
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/tickets").header("X-Test-Caller", "user:acme:u-ben").exchange().expectStatus().isOk();
        }
        client.get().uri("/api/tickets").header("X-Test-Caller", "user:acme:u-ben").exchange().expectStatus().isEqualTo(429);

        client.get().uri("/api/tickets").header("X-Test-Caller", "user:acme:u-carla")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "4");
        client.get().uri("/api/tickets").header("X-Test-Caller", "user:globex:u-ben")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "4");
    }

    @Test
    void givesApiKeysTheirOwnLimit() {
        client.get().uri("/api/tickets").header("X-Test-Caller", "key:k-7f2")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "8")
                .expectHeader().valueEquals("RateLimit-Remaining", "7")
                .expectHeader().valueEquals("RateLimit-Policy", "8;w=60");
    }

    @Test
    void limitsAnonymousRequestsByClientAddressGatewayEndpointsIncluded() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            anonymous.get().uri("/api/auth/unknown") // public, unrouted: a 404, but it still counts
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(remaining));
        }
        anonymous.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"anna@acme.example\",\"password\":\"guess-4\"}")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().valueEquals("RateLimit-Policy", "3;w=30");

        // probes are never limited
        anonymous.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }
}
