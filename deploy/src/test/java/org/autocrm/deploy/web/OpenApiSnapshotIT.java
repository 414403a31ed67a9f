package org.autocrm.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.autocrm.deploy.RunningSystem;
import org.junit.jupiter.api.Test;

/**
 * The web module's TypeScript API types are generated from a committed snapshot of the gateway's merged OpenAPI
 * document ({@code web/openapi/autocrm-api.json}). This test fails when the running system's document differs
 * from the snapshot in a way the types would notice (paths, methods, parameters, bodies, responses, schemas),
 * so an API change is seen here and in the UI's type-check rather than by a user. Run with
 * {@code -Dautocrm.openapi.update=true} to rewrite the snapshot from the running system instead.
 */
class OpenApiSnapshotIT {

    static final String UPDATE_PROPERTY = "autocrm.openapi.update";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theUiIsBuiltAgainstTheApiTheSystemServes() throws Exception {
        // the gateway leaves out a service whose document is not ready within its timeout (a cold service builds
        // it on the first request): wait for a document with the reads and the writes of the ticket API. The system
        // is started first, so the wait is the services' and not the infrastructure's as well (a loaded machine)
        RunningSystem.gateway("");
        JsonNode served = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(OpenApiSnapshotIT::mergedDocument, document -> document.path("paths").path("/api/tickets").has("get")
                        && document.path("paths").path("/api/tickets").has("post"));

        Path snapshot = snapshotFile();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(snapshot, ApiContract.pretty(served));
            return;
        }
        assertThat(snapshot).as("the snapshot the web build generates its types from").isRegularFile();
        List<String> differences = ApiContract.differences(ApiContract.read(Files.readString(snapshot)), served);
        assertThat(differences)
                .as("""
                        The gateway's OpenAPI document differs from web/openapi/autocrm-api.json, from which the \
                        web UI's types are generated. Refresh the snapshot and let the UI's type-check show what \
                        breaks:
                          ./mvnw -B verify -pl deploy -am -Dexec.skip=true -Dit.test=OpenApiSnapshotIT \
                        -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -D%s=true
                        Differences (snapshot -> served)""", UPDATE_PROPERTY)
                .isEmpty();
    }

    private static JsonNode mergedDocument() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(RunningSystem.gateway("/v3/api-docs")))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /v3/api-docs: %s", response.body()).isEqualTo(200);
        return ApiContract.read(response.body());
    }

    private static Path snapshotFile() {
        Path home = Path.of(System.getProperty("autocrm.home", "..")).toAbsolutePath().normalize();
        return home.resolve("web").resolve("openapi").resolve("autocrm-api.json");
    }
}
