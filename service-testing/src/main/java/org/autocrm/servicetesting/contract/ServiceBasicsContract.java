package org.autocrm.servicetesting.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What an operator relies on from every AutoCRM service, before and after it has features: Kubernetes probes,
 * Prometheus metrics tagged with the service, an OpenAPI document and its UI, problem documents for unknown paths,
 * and the build that is running. A service's test is a subclass naming the service:
 *
 * <pre>{@code
 * class RoutingServiceApplicationIT extends ServiceBasicsContract {
 *     RoutingServiceApplicationIT() {
 *         super("routing-service");
 *     }
 * }
 * }</pre>
 *
 * <p>The service is started on a random port from the application class found from the subclass's package.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // Boot's tests switch metric export off by default; this checks it
public abstract class ServiceBasicsContract {

    /** The service's name: its Maven artifact, {@code spring.application.name} and metrics tag. */
    protected final String service;

    @Autowired
    protected TestRestTemplate http;

    protected ServiceBasicsContract(String service) {
        this.service = service;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    public void answersUpToKubernetesProbes(String probe) {
        ResponseEntity<JsonNode> response = http.getForEntity(probe, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
    }

    @Test
    public void exposesJvmMetricsTaggedWithTheServiceInPrometheusTextFormat() {
        ResponseEntity<String> response = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(response.getBody())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("jvm_threads_live_threads{application=\"" + service + "\"");
    }

    @Test
    public void publishesAnOpenApiDocumentNamingTheService() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("openapi").asText()).startsWith("3.");
        assertThat(response.getBody().path("info").path("title").asText()).contains(service);
    }

    @Test
    public void servesSwaggerUi() {
        ResponseEntity<String> response = http.getForEntity("/swagger-ui.html", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("Swagger UI");
    }

    @Test
    public void answersAnUnknownPathWithAProblemDocument() {
        ResponseEntity<JsonNode> response = http.getForEntity("/no-such-path", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(404);
    }

    @Test
    public void showsWhichBuildIsRunning() {
        JsonNode info = http.getForObject("/actuator/info", JsonNode.class);

        assertThat(info.path("build").path("artifact").asText()).isEqualTo(service);
        assertThat(info.path("build").path("version").asText()).isNotBlank();
        assertThat(info.path("service").path("name").asText()).isEqualTo(service);
    }
}
