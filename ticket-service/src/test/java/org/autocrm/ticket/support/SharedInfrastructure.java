package org.autocrm.ticket.support;

import org.autocrm.infrastructure.Infrastructure;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the service at the real PostgreSQL, Kafka and MongoDB that are started once per test JVM.
 * Used through {@link TicketServiceIT}, so every integration test class shares one application
 * context (and so one Kafka publisher on the shared token store).
 */
public class SharedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        TestPropertyValues.of(
                "spring.datasource.url=" + infrastructure.postgres().jdbcUrl("ticket_service"),
                "spring.datasource.username=" + infrastructure.postgres().username(),
                "spring.datasource.password=" + infrastructure.postgres().password(),
                "spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                "spring.data.mongodb.uri=" + infrastructure.mongo().connectionString() + "/ticket_service",
                "autocrm.attachments.max-size=1MB")
                .applyTo(context);
    }
}
