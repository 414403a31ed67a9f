package org.autocrm.deploy.contract;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The gateway's merged OpenAPI document ({@code GET /v3/api-docs}) once every source's part is in it. The gateway
 * leaves out a service that does not answer within its timeout and says so in {@code info.description} ("Left out
 * because ..."), which on a busy machine happens for the first minutes; a test of the document (fuzzing it, linting
 * it) must not pass falsely on half the API, so a document still partial after three minutes fails the test.
 */
final class CompleteApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PARTIAL = "Left out";

    private CompleteApiDocument() {
    }

    /** The complete merged document served by the gateway at {@code gateway} (its base URL). */
    static JsonNode of(String gateway) {
        AtomicReference<String> lastDescription = new AtomicReference<>("");
        try {
            return await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(5))
                    .until(() -> fetch(gateway), document -> {
                        String description = document.path("info").path("description").asText();
                        lastDescription.set(description);
                        if (description.contains(PARTIAL)) {
                            System.out.println("merged OpenAPI document partial, asking again: " + Excerpt.of(description, 300));
                            return false;
                        }
                        return true;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the gateway's merged OpenAPI document is still partial: " + lastDescription.get(), e);
        }
    }

    private static JsonNode fetch(String gateway) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v3/api-docs"))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /v3/api-docs answered " + response.statusCode() + ": " + Excerpt.of(response.body(), 500));
        }
        return JSON.readTree(response.body());
    }
}
