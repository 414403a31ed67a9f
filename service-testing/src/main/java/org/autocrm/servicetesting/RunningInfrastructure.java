package org.autocrm.servicetesting;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test runs against the real embedded infrastructure of this JVM ({@code Infrastructure.shared()}):
 * the Spring context of the test gets the connection properties of the pieces named here, and only
 * those pieces are started, once per JVM, when the context first reads one of their properties.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * @RunningInfrastructure({Piece.KAFKA, Piece.MONGO})
 * class RoutingRulesIT { ... }
 * }</pre>
 *
 * <p>Properties set, per piece: {@link Piece#POSTGRES} {@code spring.datasource.url|username|password}
 * (database {@link #database()}, created if missing); {@link Piece#KAFKA} {@code spring.kafka.bootstrap-servers};
 * {@link Piece#ELASTICSEARCH} {@code spring.elasticsearch.uris}; {@link Piece#MONGO} {@code spring.data.mongodb.uri}
 * (database {@link #database()}); {@link Piece#MAIL} {@code spring.mail.host|port} (GreenMail's SMTP). Properties
 * given in {@code @SpringBootTest(properties = ...)} win over these. A test method or a non-Spring test may also
 * take the {@code Infrastructure} as a parameter (to publish to Kafka, read GreenMail's inbox, ...).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RunningInfrastructureExtension.class)
public @interface RunningInfrastructure {

    /** The pieces the test needs; nothing else is started. */
    Piece[] value();

    /**
     * The PostgreSQL and MongoDB database of the service; by default its {@code spring.application.name}
     * with '-' written as '_' ({@code routing_service}).
     */
    String database() default "";
}
