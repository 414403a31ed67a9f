package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every response carries and every request leaves behind: CORS for the configured origins,
 * security headers, request ids and trace context, and an access log line without secrets.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "autocrm.gateway.cors.allowed-origins=https://support.acme.example",
        "management.tracing.sampling.probability=1.0"})
@AutoConfigureObservability // tracing on: Boot's tests switch it off by default
@StubServices
class EdgeHeadersIT {

    private static final String ALLOWED = "https://support.acme.example";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void signIn() {
        client = GatewayRoutesIT.signedIn(client, context); // every /api request needs a signed-in caller
    }

    @Nested
    class CrossOrigin {

        @Test
        void letsAConfiguredOriginReadTheAnswerAndItsHeaders() {
            client.get().uri("/api/tickets")
                    .header(HttpHeaders.ORIGIN, ALLOWED)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                            .contains("ETag", "Location", "Retry-After", "X-Request-Id", "RateLimit-Remaining"));
        }

        @Test
        void refusesAnyOtherOriginWithAProblemDocumentAndDropsTheServicesOwnCorsHeaders() {
            client.get().uri("/api/tickets")
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("Cross-origin requests from https://evil.example are not allowed.");
            assertThat(StubService.named("query-service").received()).isEmpty();

            // the stub answers "Access-Control-Allow-Origin: *"; the gateway alone decides
            client.get().uri("/api/tickets")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }

        @Test
        void answersAPreflightItselfWithoutCredentials() {
            client.options().uri("/api/tickets/T-1/status")
                    .header(HttpHeaders.ORIGIN, ALLOWED)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, if-match")
                    .exchange()
                    .expectStatus().isNoContent()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("PUT"))
                    .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_MAX_AGE);
            assertThat(StubService.all().values()).allSatisfy(stub -> assertThat(stub.received()).isEmpty());

            client.options().uri("/api/tickets/T-1/status")
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Nested
    class SecurityHeaders {

        @ParameterizedTest
        @ValueSource(strings = {"/api/tickets", "/api/no-such-route", "/actuator/health/liveness"})
        void areOnEveryResponseProxiedOrNot(String path) {
            client.get().uri(path)
                    .exchange()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).startsWith("default-src 'none'"))
                    .expectHeader().doesNotExist("Strict-Transport-Security"); // plain http here
        }

        @Test
        void forbidCachingOfApiAnswersAndHideTheServicesServerSoftware() {
            client.get().uri("/api/tickets")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                    .expectHeader().doesNotExist(HttpHeaders.SERVER)
                    .expectHeader().doesNotExist("X-Powered-By");
        }

        @Test
        void letTheDocsPageRunSwaggerUiFromThisOriginOnly() {
            client.get().uri("/swagger-ui/index.html")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                            .contains("script-src 'self'")
                            .contains("frame-ancestors 'none'"));
        }
    }

    @Nested
    class RequestIds {

        @Test
        void generatesOneAndGivesItToTheServiceAndTheClient() {
            String returned = client.get().uri("/api/tickets/42")
                    .exchange()
                    .expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

            assertThat(returned).matches(UUID);
            assertThat(StubService.named("query-service").received()).singleElement()
                    .satisfies(request -> assertThat(request.headers().get("X-Request-Id")).containsExactly(returned));
        }

        @Test
        void keepsTheClientsWhenItIsSane() {
            client.get().uri("/api/tickets/42").header("X-Request-Id", "portal-7f3a.2:1")
                    .exchange()
                    .expectHeader().valueEquals("X-Request-Id", "portal-7f3a.2:1");

            assertThat(StubService.named("query-service").received().get(0).headers().getFirst("X-Request-Id"))
                    .isEqualTo("portal-7f3a.2:1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"has spaces in it", "<script>alert(1)</script>", "x\u00e9"})
        void replacesOneThatIsNotASaneToken(String offered) {
            client.get().uri("/api/tickets/42").header("X-Request-Id", offered)
                    .exchange()
                    .expectHeader().value("X-Request-Id", id -> assertThat(id).matches(UUID));
        }

        @Test
        void replacesOneThatIsTooLong() {
            client.get().uri("/api/tickets/42").header("X-Request-Id", "a".repeat(129))
                    .exchange()
                    .expectHeader().value("X-Request-Id", id -> assertThat(id).matches(UUID));
        }

        @Test
        void putsItIntoEveryProblemDocument() {
            client.get().uri("/api/no-such-route").header("X-Request-Id", "support-case-1234")
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().valueEquals("X-Request-Id", "support-case-1234")
                    .expectBody().jsonPath("$.requestId").isEqualTo("support-case-1234");

            client.post().uri("/v3/api-docs").header("X-Request-Id", "support-case-1235")
                    .exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.ALLOW, "GET")
                    .expectBody().jsonPath("$.requestId").isEqualTo("support-case-1235");
        }
    }

    @Nested
    class TraceContext {

        private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

        @Test
        void startsATraceAndPassesItOn() {
            client.get().uri("/api/tickets/42").exchange().expectStatus().isOk();

            assertThat(StubService.named("query-service").received().get(0).headers().getFirst("traceparent"))
                    .matches(TRACEPARENT);
        }

        @Test
        void continuesTheClientsTrace() {
            String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
            client.get().uri("/api/tickets/42")
                    .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                    .exchange()
                    .expectStatus().isOk();

            String passedOn = StubService.named("query-service").received().get(0).headers().getFirst("traceparent");
            assertThat(passedOn).matches(TRACEPARENT).contains(trace).doesNotContain("00f067aa0ba902b7");
        }

        @Test
        void writesTheTraceIdIntoTheAccessLog() {
            Logger accessLog = (Logger) LoggerFactory.getLogger("org.autocrm.gateway.access");
            ListAppender<ILoggingEvent> lines = new ListAppender<>();
            lines.start();
            accessLog.addAppender(lines);
            try {
                client.get().uri("/api/tickets/42").header("X-Request-Id", "traced-1")
                        .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                        .exchange().expectStatus().isOk();
                await().atMost(Duration.ofSeconds(5)).until(() -> lines.list.stream()
                        .anyMatch(line -> line.getFormattedMessage().contains("requestId=traced-1 ")));
                assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().contains("requestId=traced-1 "))
                        .singleElement()
                        .satisfies(line -> assertThat(line.getFormattedMessage()).contains("traceId=0af7651916cd43dd8448eb211c80319c"));
            } finally {
                accessLog.detachAppender(lines);
            }
        }
    }

    @Nested
    class AccessLog {

        private final Logger accessLog = (Logger) LoggerFactory.getLogger("org.autocrm.gateway.access");
        private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

        @BeforeEach
        void capture() {
            lines.start();
            accessLog.addAppender(lines);
        }

        @AfterEach
        void release() {
            accessLog.detachAppender(lines);
        }

        @Test
        void writesOneLinePerRequestWithWhatAnOperatorNeeds() {
            client.get().uri("/api/tickets?status=OPEN").header("X-Request-Id", "log-line-1").exchange().expectStatus().isOk();

            String line = lineFor("log-line-1");
            assertThat(line)
                    .contains("method=GET", "path=/api/tickets", "query=\"status=OPEN\"", "status=200", "requestId=log-line-1",
                            "route=ticket-reads", "service=query-service")
                    .containsPattern("caller=user:t-[0-9a-f]+:") // the key identity's filter names the caller by
                    .containsPattern("durationMs=\\d+")
                    .containsPattern("bytesOut=[1-9]\\d*");
        }

        @Test
        void neverWritesCredentialsTokensCookiesOrPasswords() {
            client.post().uri("/api/tickets?access_token=qs-secret-0001&apiKey=qs-secret-0002&code=qs-secret-0003&status=OPEN")
                    .header("X-Request-Id", "log-line-2")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOiJSUzI1NiJ9.secret-token-0004")
                    .header("X-API-Key", "ak_secret-key-0005")
                    .header(HttpHeaders.COOKIE, "SESSION=cookie-secret-0006")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"anna@acme.example\",\"password\":\"hunter2-secret-0007\"}")
                    .exchange()
                    .expectStatus().isUnauthorized(); // the made-up key is refused, and that is logged too

            String line = lineFor("log-line-2");
            assertThat(line).contains("status=401", "access_token=***", "apiKey=***", "code=***", "status=OPEN")
                    .doesNotContain("secret", "eyJ", "ak_", "SESSION", "hunter2");
        }

        @Test
        void logsTheStatusTheClientGotWhenTheGatewayAnsweredItself() {
            client.method(HttpMethod.GET).uri("/api/no-such-route").header("X-Request-Id", "log-line-3")
                    .exchange().expectStatus().isNotFound();

            assertThat(lineFor("log-line-3")).contains("status=404").doesNotContain("route=");
        }

        private String lineFor(String requestId) {
            await().atMost(Duration.ofSeconds(5)).until(() -> matching(requestId).size() == 1);
            return matching(requestId).get(0);
        }

        private List<String> matching(String requestId) {
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(message -> message.contains("requestId=" + requestId + " ") || message.endsWith("requestId=" + requestId))
                    .toList();
        }
    }
}
