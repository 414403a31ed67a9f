package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.autocrm.gateway.support.Identities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an operator relies on: probes, metrics and build info answer even with every service down; the probes
 * to anyone, metrics and build info to admins only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // Boot's tests switch metric export off by default; we test it
class GatewayApplicationIT {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ApplicationContext context;

    private String admin() {
        Identities identities = new Identities(context);
        return identities.bearer(identities.user(identities.newTenant(), "admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/info", "/actuator/prometheus", "/actuator/metrics"})
    void keepsMetricsAndBuildInfoFromAnyoneButAdmins(String endpoint) {
        client.get().uri(endpoint).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Identities identities = new Identities(context);
        client.get().uri(endpoint)
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(identities.user(identities.newTenant(), "agent")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

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
                .header(HttpHeaders.AUTHORIZATION, admin())
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
                .header(HttpHeaders.AUTHORIZATION, admin())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.build.artifact").isEqualTo("gateway")
                .jsonPath("$.build.version").isNotEmpty()
                .jsonPath("$.service.name").isEqualTo("gateway");
    }
}
