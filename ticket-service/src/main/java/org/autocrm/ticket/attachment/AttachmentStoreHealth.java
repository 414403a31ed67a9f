package org.autocrm.ticket.attachment;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether MongoDB, where attachments are kept, answers: {@code {ping: 1}}, which every MongoDB and the local
 * run's stand-in answer (Spring Boot's own indicator asks {@code hello}, which the stand-in does not know, and so
 * reported DOWN while attachments worked). Named so that Spring Boot's indicator backs off; shown as {@code mongo}.
 */
@Component("mongoHealthIndicator")
class AttachmentStoreHealth implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final MongoTemplate mongo;

    AttachmentStoreHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        CompletableFuture<Document> ping = CompletableFuture.supplyAsync(
                () -> mongo.executeCommand(new Document("ping", 1)));
        try {
            Document answer = ping.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Object ok = answer.get("ok");
            if (ok instanceof Number number && number.doubleValue() == 1.0) {
                return Health.up().withDetail("database", mongo.getDb().getName()).build();
            }
            return down("MongoDB (attachments) answered the ping with " + answer.toJson());
        } catch (TimeoutException e) {
            ping.cancel(true);
            return down("MongoDB (attachments) did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return down("MongoDB (attachments) cannot be reached: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("MongoDB (attachments) check was interrupted");
        }
    }

    private static Health down(String why) {
        return Health.down().withDetail("error", why).build();
    }
}
