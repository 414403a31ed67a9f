package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service that is down, seen through the gateway on the running system: its callers get a 503
 * problem with {@code Retry-After} at once (not a hang, not a 500), the other services keep working,
 * and once it is back nothing written meanwhile is missing. query-service is the one stopped: reads
 * fail while writes to ticket-service go on, which is the outage CQRS is meant to survive.
 */
class ServiceOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void whileQueryServiceIsDownReadsAre503WithRetryAfterWritesGoOnAndNothingIsLost() throws Exception {
        LocalSystem system = RunningSystem.get();
        TestTenant tenant = TestTenant.create("outage");
        TestTenant.Member maria = tenant.staff("maria", "agent", List.of());
        HttpResponse<String> sarah = send("POST", "/api/customers", "{\"name\":\"Sarah Chen\"}", maria);
        assertThat(sarah.statusCode()).as(sarah.body()).isEqualTo(201);
        String customerId = JSON.readTree(sarah.body()).get("customerId").asText();

        String writtenDuringTheOutage;
        system.stop(AutoCrmService.QUERY_SERVICE);
        try {
            long asked = System.nanoTime();
            HttpResponse<String> read = send("GET", "/api/tickets", null, maria);
            Duration waited = Duration.ofNanos(System.nanoTime() - asked);

            assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
            assertThat(waited).isLessThan(Duration.ofSeconds(10));
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(read.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(read.body()).contains("query-service")
                    .doesNotContain(system.url(AutoCrmService.QUERY_SERVICE).replace("http://", ""));

            HttpResponse<String> written = send("POST", "/api/tickets",
                    "{\"subject\":\"Written while reads are down\",\"customerId\":\"" + customerId + "\"}", maria);
            assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
            writtenDuringTheOutage = JSON.readTree(written.body()).get("ticketId").asText();
        } finally {
            system.restart(AutoCrmService.QUERY_SERVICE);
            system.awaitReady(Duration.ofMinutes(3));
        }

        HttpResponse<String> readBack = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> send("GET", "/api/tickets/" + writtenDuringTheOutage + "?minVersion=0", null, maria),
                        response -> response.statusCode() == 200);
        JsonNode ticket = JSON.readTree(readBack.body());
        assertThat(ticket.get("subject").asText()).isEqualTo("Written while reads are down");
    }

    private static HttpResponse<String> send(String method, String path, String json, TestTenant.Member caller)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSystem.gateway(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", caller.bearer())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
