package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.autocrm.identity.bootstrap.DemoTenant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** How a gateway gets its first users: the demo tenant of the local run, or the one-time setup token. */
class BootstrapIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    /** An empty identity store without demo data. */
    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
    @TestPropertySource(properties = {
            "autocrm.test.mongo-database=gateway-fresh-install",
            "autocrm.identity.setup-token-file=target/fresh-install/setup-token"})
    class FreshInstallation {

        @Autowired
        private WebTestClient client;

        @Test
        void theSetupTokenCreatesTheFirstAdminOnceAndIsThenRefused() throws IOException {
            Path file = Path.of("target/fresh-install/setup-token");
            String token = Files.readString(file).trim();

            setUp("not-the-token").expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            setUp(token).expectStatus().isCreated()
                    .expectBody().jsonPath("$.tenant").isEqualTo("acme").jsonPath("$.email").isEqualTo("dana@acme.example");

            String accessToken = (String) login("acme", "dana@acme.example", "first admin password")
                    .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody().get("accessToken");
            client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.roles[0]").isEqualTo("admin").jsonPath("$.tenant").isEqualTo("acme");
            setUp(token).expectStatus().isEqualTo(409);
            assertThat(file).doesNotExist();
        }

        private WebTestClient.ResponseSpec setUp(String token) {
            return client.post().uri("/api/auth/setup").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("setupToken", token, "tenant", "acme", "tenantName", "Acme Support",
                            "email", "Dana@acme.example", "name", "Dana", "password", "first admin password"))
                    .exchange();
        }

        private WebTestClient.ResponseSpec login(String tenant, String email, String password) {
            return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("tenant", tenant, "email", email, "password", password)).exchange();
        }
    }

    /** {@code ./autocrm run --demo-data}. */
    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
    @TestPropertySource(properties = {
            "autocrm.test.mongo-database=gateway-demo",
            "autocrm.identity.demo-data=true",
            "autocrm.identity.setup-token-file=target/demo/setup-token"})
    class WithDemoData {

        @Autowired
        private WebTestClient client;

        @Autowired
        private DemoTenant demo;

        @Test
        void everyDemoUserLogsInWithTheDocumentedPasswordAndARestartAddsNobody() {
            demo.ensure(); // what the next start does

            String admin = token("admin@demo.example", "demo-admin-pw");
            token("lead@demo.example", "demo-lead-pw");
            token("agent2@demo.example", "demo-agent-pw");
            client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("agent@demo.example", "demo-agent-pw"))
                    .exchange()
                    .expectBody().jsonPath("$.id").isEqualTo("demo-agent").jsonPath("$.groups[0]").isEqualTo("tier-1");
            client.get().uri("/api/admin/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.length()").isEqualTo(4);
            client.get().uri("/api/admin/groups").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                    .expectBody().jsonPath("$.length()").isEqualTo(2);
            assertThat(Path.of("target/demo/setup-token")).as("no setup token once an admin exists").doesNotExist();
        }

        private String token(String email, String password) {
            return (String) client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("tenant", "demo", "email", email, "password", password)).exchange()
                    .expectStatus().isOk()
                    .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("accessToken");
        }
    }
}
