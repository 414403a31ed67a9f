package org.autocrm.access.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Whether MongoDB answers {@code {ping: 1}}, which every MongoDB and the local run's stand-in answer. Spring Boot's
 * own indicators ask {@code hello}, which the stand-in does not know, and so reported DOWN while the service worked.
 * When MongoDB does not answer, the detail names what the service keeps there, so an operator sees which part is
 * gone. Shown as {@code mongo} in {@code /actuator/health}.
 */
public class MongoPingHealth implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final MongoTemplate mongo;
    private final String holds;

    /** @param holds what the service keeps in MongoDB, e.g. "attachments", for the detail of a DOWN answer */
    public MongoPingHealth(MongoTemplate mongo, String holds) {
        this.mongo = mongo;
        this.holds = holds;
    }

    @Override
    public Health health() {
        CompletableFuture<Document> ping = CompletableFuture.supplyAsync(
                () -> mongo.executeCommand(new Document("ping", 1)));
        try {
            Document answer = ping.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Object ok = answer.get("ok");
            if (ok instanceof Number number && number.doubleValue() == 1.0) {
                return Health.up().withDetail("database", mongo.getDb().getName()).withDetail("holds", holds).build();
            }
            return down("MongoDB (" + holds + ") answered the ping with " + answer.toJson());
        } catch (TimeoutException e) {
            ping.cancel(true);
            return down("MongoDB (" + holds + ") did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return down("MongoDB (" + holds + ") cannot be reached: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("MongoDB (" + holds + ") check was interrupted");
        }
    }

    private Health down(String why) {
        return Health.down().withDetail("holds", holds).withDetail("error", why).build();
    }
}
