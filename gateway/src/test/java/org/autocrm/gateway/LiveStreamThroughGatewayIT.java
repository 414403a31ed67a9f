package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/**
 * Live updates pass the gateway as the service sends them: each event as soon as it is written, for longer than
 * the response timeout, without holding one of the caller's bulkhead places, and a stream that breaks is neither
 * asked for again nor held against query-service's breaker. Presence is routed to query-service too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // shorter than the stub's gap between two events: a stream must outlive it
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        // one place per caller: an open stream must not take it
        "autocrm.gateway.bulkhead.per-caller=1",
        // two failures would open query-service's breaker
        "resilience4j.circuitbreaker.instances.query-service.sliding-window-size=2",
        "resilience4j.circuitbreaker.instances.query-service.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.instances.query-service.wait-duration-in-open-state=60s"})
@StubServices
class LiveStreamThroughGatewayIT {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private WebTestClient client;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void signIn() {
        client = GatewayRoutesIT.signedIn(client, context).mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void eventsPassAsTheyAreWrittenForLongerThanTheResponseTimeoutWithoutTakingABulkheadPlace() {
        FluxExchangeResult<ServerSentEvent<String>> stream = client.get().uri("/api/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(EVENTS);
        Flux<Tuple2<Long, ServerSentEvent<String>>> timed = stream.getResponseBody().elapsed();

        List<Tuple2<Long, ServerSentEvent<String>>> received = timed
                .publishOn(Schedulers.boundedElastic()) // the request below blocks; not on a network thread
                .doOnNext(event -> {
                    if ("1".equals(event.getT2().id())) {
                        // while the stream is open, the caller's one place is free for another request
                        client.get().uri("/api/tickets/42").exchange().expectStatus().isOk();
                    }
                })
                .collectList().block(Duration.ofSeconds(15));

        assertThat(received).extracting(event -> event.getT2().id()).containsExactly("1", "2");
        assertThat(received.get(0).getT2().event()).isEqualTo("ticket");
        assertThat(received.get(0).getT2().data()).contains("\"service\":\"query-service\"");
        // the first event arrived without waiting for the second, which came after the 1 s response timeout
        assertThat(received.get(0).getT1()).isLessThan(StubService.STREAM_GAP - 500);
        assertThat(received.get(1).getT1()).isGreaterThanOrEqualTo(StubService.STREAM_GAP - 500);
        assertThat(StubService.named("query-service").received()).extracting(StubService.Received::methodAndUri)
                .containsExactly("GET /api/stream", "GET /api/tickets/42");
    }

    @Test
    void aStreamThatBreaksIsNeitherRetriedNorHeldAgainstTheService() {
        for (int broken = 0; broken < 2; broken++) {
            List<ServerSentEvent<String>> received = client.get().uri("/api/stream")
                    .header("X-Stub-Break", "yes")
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange()
                    .expectStatus().isOk()
                    .returnResult(EVENTS).getResponseBody()
                    .onErrorComplete()
                    .collectList().block(Duration.ofSeconds(15));
            assertThat(received).extracting(ServerSentEvent::id).containsExactly("1");
        }

        assertThat(StubService.named("query-service").received()).hasSize(2);
        client.get().uri("/api/tickets/42").exchange().expectStatus().isOk(); // the breaker stayed closed
    }

    @Test
    void presenceGoesToQueryService() {
        client.get().uri("/api/presence/tickets/42").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("query-service");
        client.post().uri("/api/presence/tickets/42").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"state\":\"viewing\"}").exchange().expectBody().jsonPath("$.service")
                .isEqualTo("query-service");
        client.delete().uri("/api/presence/tickets/42").exchange().expectBody().jsonPath("$.service")
                .isEqualTo("query-service");
    }
}
