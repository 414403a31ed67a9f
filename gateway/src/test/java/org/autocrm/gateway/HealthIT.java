package org.autocrm.gateway;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import org.autocrm.gateway.support.Identities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /actuator/health} is UP while the gateway works on the local run's MongoDB stand-in (which answers the ping
 * the service kit's check sends, not the {@code hello} Spring Boot's would), and DOWN naming {@code mongo} once its
 * identity store is gone — when a sign-in, or any request that needs the caller looked up, answers 503 with
 * Retry-After instead of failing. On a MongoDB of its own, so that it can be stopped.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "autocrm.gateway.rate-limit.enabled=false")
@ContextConfiguration(initializers = HealthIT.OwnMongo.class)
@DirtiesContext
class HealthIT {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS = MONGO.bind();

    /** Runs after the shared infrastructure's initializer, so its MongoDB address is the one the gateway uses. */
    static class OwnMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.data.mongodb.uri=mongodb://127.0.0.1:" + ADDRESS.getPort()
                    + "/gateway-health?serverSelectionTimeoutMS=1500&connectTimeoutMS=1000").applyTo(context);
        }
    }

    @Autowired
    private WebTestClient client;
    @Autowired
    private ApplicationContext context;

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Test
    void isUpWhileTheIdentityStoreAnswersAndDownNamingItOnceItIsGone() {
        Identities identities = new Identities(context);
        String bearer = identities.bearer(identities.user(identities.newTenant(), "agent"));
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk();

        MONGO.shutdownNow();

        client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.mongo.status").isEqualTo("DOWN");
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenant", "acme", "email", "maria@acme.example", "password", "correct horse battery"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.detail").isEqualTo("The identity store cannot be reached right now; retry in a "
                        + "few seconds.");
        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }
}
