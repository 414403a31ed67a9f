package org.autocrm.servicetesting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests asking for the same pieces share one cached context; tests asking for none get nothing. */
class RunningInfrastructureCustomizerFactoryTest {

    private final RunningInfrastructureCustomizerFactory factory = new RunningInfrastructureCustomizerFactory();

    @RunningInfrastructure({Piece.KAFKA, Piece.MONGO})
    static class KafkaAndMongo {
    }

    @RunningInfrastructure({Piece.MONGO, Piece.KAFKA})
    static class MongoAndKafka {
    }

    static class InheritsIt extends KafkaAndMongo {
    }

    @RunningInfrastructure(Piece.ELASTICSEARCH)
    static class Elasticsearch {
    }

    static class Nothing {
    }

    @Test
    void givesEqualCustomizersForTheSamePiecesInAnyOrder() {
        assertThat(factory.createContextCustomizer(KafkaAndMongo.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(MongoAndKafka.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(InheritsIt.class, List.of()))
                .isNotEqualTo(factory.createContextCustomizer(Elasticsearch.class, List.of()));
    }

    @Test
    void leavesATestThatAsksForNothingAlone() {
        assertThat(factory.createContextCustomizer(Nothing.class, List.of())).isNull();
    }
}
