package org.autocrm.servicetesting;

import static org.assertj.core.api.Assertions.assertThat;

import org.autocrm.infrastructure.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The context gets the asked-for pieces' properties, a piece starts only when read, and the test's own win. */
@SpringBootTest(classes = RunningInfrastructureIT.NoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.application.name=demo-service", "spring.kafka.bootstrap-servers=elsewhere:9092"})
@RunningInfrastructure({Piece.MONGO, Piece.KAFKA})
class RunningInfrastructureIT {

    @Configuration(proxyBeanMethods = false)
    static class NoApplication {
    }

    @Autowired
    private Environment environment;

    @Test
    void startsAPieceWhenItsPropertyIsReadAndNamesTheServicesDatabase(Infrastructure infrastructure) {
        String mongo = environment.getProperty("spring.data.mongodb.uri");

        assertThat(mongo).isEqualTo(infrastructure.mongo().connectionString() + "/demo_service");
        assertThat(infrastructure.describe()).contains("MongoDB");
    }

    @Test
    void leavesWhatTheTestSetsItselfAndStartsNothingItDoesNotAskFor(Infrastructure infrastructure) {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("elsewhere:9092");
        assertThat(environment.getProperty("spring.elasticsearch.uris")).isNull();
        assertThat(environment.getProperty("spring.datasource.url")).isNull();
        assertThat(infrastructure.describe()).doesNotContain("Kafka", "Elasticsearch", "PostgreSQL");
    }
}
