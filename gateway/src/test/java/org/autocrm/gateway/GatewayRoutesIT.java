package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.autocrm.gateway.support.Identities;
import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The route table against real HTTP servers: each request must reach exactly the service that owns
 * it, unchanged, and whatever goes wrong on the way must come back as a problem document.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // Boot's tests switch metric export off by default; we test it
@StubServices
class GatewayRoutesIT {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void signIn() {
        client = signedIn(client, context);
    }

    /** Routing is not about identity: every request comes from a signed-in agent. */
    static WebTestClient signedIn(WebTestClient client, ApplicationContext context) {
        Identities identities = new Identities(context);
        return client.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, identities.bearer(identities.user(identities.newTenant(), "agent")))
                .build();
    }

    @Test
    void createsATicketOnTicketServiceWithBodyAndHeadersIntact() {
        String json = "{\"subject\":\"Printer on fire\",\"priority\":\"URGENT\"}";

        client.post().uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "req-7f3a")
                .bodyValue(json)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/tickets/T-1")
                .expectBody().jsonPath("$.service").isEqualTo("ticket-service");

        StubService.Received request = onlyRequestTo("ticket-service");
        assertThat(request.methodAndUri()).isEqualTo("POST /api/tickets");
        assertThat(request.body()).isEqualTo(json);
        assertThat(request.headers().getFirst("X-Request-Id")).isEqualTo("req-7f3a");
        assertThat(request.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /api/tickets,                       query-service",
            "GET,    /api/tickets/42,                    query-service",
            "GET,    /api/tickets?status=OPEN&page=2,    query-service",
            "HEAD,   /api/tickets/42,                    query-service",
            "GET,    /api/customers,                     query-service",
            "GET,    /api/customers/7,                   ticket-service",
            "GET,    /api/customers/7/tickets,           query-service",
            "GET,    /api/metrics/tickets?groupBy=agent&format=csv, query-service",
            "GET,    /api/metrics/agents,                query-service",
            "GET,    /api/views,                         query-service",
            "POST,   /api/views,                         query-service",
            "PUT,    /api/views/v1,                      query-service",
            "DELETE, /api/views/v1,                      query-service",
            "GET,    /api/views/v1/tickets?size=10,      query-service",
            "GET,    /api/admin/projections,             query-service",
            "POST,   /api/admin/projections/tickets/rebuild, query-service",
            "GET,    /api/tickets/42/history,            ticket-service",
            "GET,    /api/tickets/42/attachments/a1,     ticket-service",
            "GET,    /api/tickets/categories,            ticket-service",
            "GET,    /api/tickets/canned-responses,      ticket-service",
            "GET,    /api/tickets/custom-fields/f1,      ticket-service",
            "GET,    /api/tickets/priorities,            ticket-service",
            "GET,    /api/tickets/42/as-of/2026-11-22T09:00:00Z, ticket-service",
            "PUT,    /api/tickets/42/status,             ticket-service",
            "PATCH,  /api/tickets/42,                    ticket-service",
            "DELETE, /api/tickets/42/tags/vip,           ticket-service",
            "POST,   /api/customers,                     ticket-service",
            "PUT,    /api/customers/7,                   ticket-service",
            "GET,    /api/routing/rules,                 routing-service",
            "PUT,    /api/sla/policies/gold,             routing-service",
            "GET,    /api/kb/articles?q=printer,         kb-service",
            "POST,   /api/ai/tickets/42/summary,         ai-service",
            "GET,    /api/settings/support-ai,           ai-service",
            "GET,    /api/notifications/preferences,     notification-service",
            "POST,   /api/webhooks,                      notification-service",
            "DELETE, /api/webhooks/hook-1,               notification-service"
    })
    void sendsEachRequestToTheServiceThatOwnsIt(HttpMethod method, String uri, String service) {
        client.method(method).uri(uri)
                .exchange()
                .expectStatus().is2xxSuccessful();

        assertThat(onlyRequestTo(service).methodAndUri()).isEqualTo(method.name() + " " + uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/unknown", "/api/ticketsx", "/api/settings/branding", "/nowhere"})
    void answersAPathWithoutARouteWith404ProblemDocument(String path) {
        client.get().uri(path)
                .accept(MediaType.TEXT_HTML) // a browser must not get an HTML error page either
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("No API route matches GET " + path + ".")
                .jsonPath("$.instance").isEqualTo(path);

        assertThat(StubService.all().values()).allSatisfy(stub -> assertThat(stub.received()).isEmpty());
    }

    @Test
    void answersAMethodNoRouteTakesWith404ProblemDocument() {
        client.options().uri("/api/tickets")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void countsRequestsPerRouteInPrometheus() {
        client.get().uri("/api/kb/articles").exchange().expectStatus().isOk();

        Identities identities = new Identities(context);
        client.get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(identities.user(identities.newTenant(), "admin")))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"kb\"[^}]*\\}"));
    }

    /** Same stubs, but one service is down and the response timeout is short. */
    @Nested
    @StubServices(unreachable = "notification-service")
    @TestPropertySource(properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
    class WhenAServiceFails {

        // its own context (the properties differ), so its own client: the enclosing one talks to the other gateway
        @Autowired
        private WebTestClient client;

        @Autowired
        private ApplicationContext context;

        @BeforeEach
        void signIn() {
            client = signedIn(client, context);
        }

        @Test
        void answers503WithRetryAfterWhenNothingListensOnItsPort() {
            client.post().uri("/api/webhooks")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                            .startsWith("notification-service is not reachable")
                            .doesNotContain("127.0.0.1"))
                    .jsonPath("$.instance").isEqualTo("/api/webhooks");
        }

        @Test
        void answers504WhenTheServiceDoesNotAnswerInTime() {
            client.get().uri("/api/kb/articles/slow")
                    .exchange()
                    .expectStatus().isEqualTo(504)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("kb-service did not answer in time.");
        }

        @Test
        void keepsRoutingToTheServicesThatAreUp() {
            client.get().uri("/api/tickets/42").exchange().expectStatus().isOk();

            assertThat(onlyRequestTo("query-service").methodAndUri()).isEqualTo("GET /api/tickets/42");
        }
    }

    /** The request reached this service, once, and no other service saw anything. */
    private static StubService.Received onlyRequestTo(String service) {
        StubService.all().forEach((name, stub) -> {
            if (!name.equals(service)) {
                assertThat(stub.received()).as("requests reaching %s", name).isEmpty();
            }
        });
        List<StubService.Received> received = StubService.named(service).received();
        assertThat(received).as("requests reaching %s", service).hasSize(1);
        return received.get(0);
    }
}
