package org.autocrm.gateway.support;

import org.autocrm.infrastructure.Infrastructure;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every gateway test context at the real MongoDB stand-in and Kafka started once per test JVM
 * (registered in {@code META-INF/spring.factories}, so each integration test gets it without asking).
 */
public class SharedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        TestPropertyValues.of(
                "spring.data.mongodb.uri=" + infrastructure.mongo().connectionString() + "/gateway",
                "spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers())
                .applyTo(context);
    }
}
