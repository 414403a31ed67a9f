package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every service has a Deployment and a Service, probed on the actuator endpoints it really exposes. */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of("kubernetes");
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    @Test
    void everyServiceIsDeployedWithHealthProbesAndListedInTheKustomization() throws IOException {
        JsonNode kustomization = MAPPER.readTree(MANIFESTS.resolve("kustomization.yaml").toFile());
        List<String> listed = MAPPER.convertValue(kustomization.get("resources"), List.class);

        for (AutoCrmService service : AutoCrmService.values()) {
            String file = service.module() + ".yaml";
            assertThat(listed).as("kustomization resources").contains(file);
            List<JsonNode> documents = read(MANIFESTS.resolve(file));
            JsonNode deployment = documents.stream().filter(d -> "Deployment".equals(d.path("kind").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no Deployment in " + file));
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("autocrm-endpoints");
            assertThat(documents).anyMatch(d -> "Service".equals(d.path("kind").asText())
                    && service.module().equals(d.at("/metadata/name").asText()));
        }
    }

    @Test
    void theGatewayAndRoutingServiceShareTheAutomationClientSecretFromTheSecret() throws IOException {
        JsonNode gateway = container("gateway");
        JsonNode routing = container("routing-service");

        assertThat(secretOf(gateway, "AUTOCRM_IDENTITY_AUTOMATION_CLIENT_SECRET"))
                .isEqualTo(secretOf(routing, "AUTOCRM_ROUTING_AUTOMATION_CLIENT_SECRET"))
                .isEqualTo("autocrm-secrets/automation-client-secret");
        assertThat(valueOf(routing, "AUTOCRM_ROUTING_AUTOMATION_TOKEN_URI")).isEqualTo("http://gateway:8080/oauth2/token");
        assertThat(valueOf(routing, "AUTOCRM_ROUTING_TICKET_SERVICE_URL")).isEqualTo("http://ticket-service:8080");
    }

    private static JsonNode container(String service) throws IOException {
        return read(MANIFESTS.resolve(service + ".yaml")).stream()
                .filter(d -> "Deployment".equals(d.path("kind").asText())).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0");
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("no " + name + " in the container's env");
    }

    private static String secretOf(JsonNode container, String name) {
        JsonNode reference = env(container, name).at("/valueFrom/secretKeyRef");
        return reference.path("name").asText() + "/" + reference.path("key").asText();
    }

    private static String valueOf(JsonNode container, String name) {
        return env(container, name).path("value").asText();
    }

    private static List<JsonNode> read(Path file) throws IOException {
        try (MappingIterator<JsonNode> documents = MAPPER.readValues(YAML.createParser(Files.readString(file)),
                JsonNode.class)) {
            return documents.readAll();
        }
    }
}
