package org.autocrm.ticket.support;

import org.autocrm.infrastructure.Infrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the service at the real PostgreSQL and Kafka that are started once per test JVM. */
public final class SharedInfrastructure {

    private SharedInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = Infrastructure.shared();
        registry.add("spring.datasource.url", () -> infrastructure.postgres().jdbcUrl("ticket_service"));
        registry.add("spring.datasource.username", () -> infrastructure.postgres().username());
        registry.add("spring.datasource.password", () -> infrastructure.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", () -> infrastructure.kafka().bootstrapServers());
        registry.add("spring.data.mongodb.uri", () -> infrastructure.mongo().connectionString() + "/ticket_service");
    }
}
