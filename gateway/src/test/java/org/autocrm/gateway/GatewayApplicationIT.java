package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What an operator relies on: probes, metrics and build info answer even with every service down. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // Boot's tests switch metric export off by default; we test it
class GatewayApplicationIT {

    @Autowired
    private WebTestClient client;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    void answersUpToKubernetesProbes(String probe) {
        client.get().uri(probe)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void exposesJvmMetricsTaggedWithTheGatewayInPrometheusTextFormat() {
        client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("# TYPE jvm_memory_used_bytes gauge")
                        .contains("jvm_threads_live_threads{application=\"gateway\""));
    }

    @Test
    void showsWhichBuildIsRunning() {
        client.get().uri("/actuator/info")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.build.artifact").isEqualTo("gateway")
                .jsonPath("$.build.version").isNotEmpty()
                .jsonPath("$.service.name").isEqualTo("gateway");
    }
}
