package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.autocrm.gateway.support.Identities;
import org.autocrm.gateway.support.SecurityTopic;
import org.autocrm.identity.audit.AuditEntry;
import org.autocrm.identity.directory.Account;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.infrastructure.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Security events recorded while Kafka is down: sign-in keeps working, admins read them in the audit log at once,
 * and once Kafka is back every one of them is published, once, in the tenant's order.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "autocrm.identity.address-throttle.max-failures=100000",
        "autocrm.identity.audit.publish-interval=200ms"})
@SuppressWarnings("unchecked") // JSON paths answer raw lists
class AuditPublishingOutageIT {

    @Autowired
    private WebTestClient client;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private MongoTemplate mongo;

    @Test
    void eventsRecordedWhileKafkaIsDownArePublishedInOrderWhenItIsBack() throws Exception {
        Identities identities = new Identities(context);
        String tenant = identities.newTenant();
        Account admin = identities.user(tenant, "admin");
        Account agent = identities.user(tenant, "agent");
        long before = recorded(tenant);
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(tenant) == 0);

        KafkaBroker kafka = Infrastructure.shared().kafka();
        kafka.stop();
        try {
            login(agent, "wrong password").expectStatus().isUnauthorized();
            login(agent, Identities.PASSWORD).expectStatus().isOk();
            client.get().uri("/api/admin/audit?userId=" + agent.id())
                    .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.items[*].type").value(types -> assertThat((List<String>) types)
                            .contains("login_failed", "login_succeeded"));
            assertThat(unpublished(tenant)).as("stored, waiting for Kafka").isEqualTo(2);
        } finally {
            kafka.start();
        }

        List<JsonNode> events = SecurityTopic.eventsOf(tenant, (int) before + 2);
        assertThat(events).extracting(event -> event.path("sequence").asLong())
                .containsExactlyElementsOf(LongStream.range(0, before + 2).boxed().toList());
        assertThat(events.subList((int) before, events.size())).extracting(event -> event.at("/data/kind").asText())
                .containsExactly("login_failed", "login_succeeded");
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(tenant) == 0);
    }

    private long recorded(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), AuditEntry.class);
    }

    private long unpublished(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant).and("publishedAt").isNull()),
                AuditEntry.class);
    }

    private WebTestClient.ResponseSpec login(Account account, String password) {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenant", account.tenantId(), "email", account.email(), "password", password))
                .exchange();
    }
}
