package org.autocrm.gateway.support;

import org.autocrm.infrastructure.Infrastructure;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every gateway test context at the real MongoDB stand-in, Kafka and GreenMail started once per test JVM
 * (registered in {@code META-INF/spring.factories}, so each integration test gets it without asking).
 * A test that needs an empty identity store names its own database with {@value #DATABASE}.
 */
public class SharedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE = "autocrm.test.mongo-database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        String database = context.getEnvironment().getProperty(DATABASE, "gateway");
        TestPropertyValues.of(
                "spring.data.mongodb.uri=" + infrastructure.mongo().connectionString() + "/" + database,
                "spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + infrastructure.mail().smtpPort())
                .applyTo(context);
    }
}
