package org.autocrm.access.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Against the MongoDB stand-in the local run uses, which answers ping but not Spring Boot's hello. */
class MongoPingHealthTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort()
            + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000");
    private final MongoPingHealth health = new MongoPingHealth(new MongoTemplate(client, "identity"),
            "accounts and sessions");

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void isUpWhileTheStandInAnswers() {
        Health answer = health.health();

        assertThat(answer.getStatus()).as(answer.getDetails().toString()).isEqualTo(Status.UP);
        assertThat(answer.getDetails()).containsEntry("database", "identity").containsEntry("holds", "accounts and sessions");
    }

    @Test
    void isDownNamingWhatItHoldsOnceMongoIsGone() {
        server.shutdownNow();

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getDetails()).containsEntry("holds", "accounts and sessions");
        assertThat(answer.getDetails().get("error").toString()).startsWith("MongoDB (accounts and sessions) ");
    }
}
