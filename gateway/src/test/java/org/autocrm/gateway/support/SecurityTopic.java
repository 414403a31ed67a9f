package org.autocrm.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.autocrm.events.EventStreams;
import org.autocrm.infrastructure.Infrastructure;

/** Reads {@code autocrm.security.v1} on the shared broker from the start, as an integrator would. */
public final class SecurityTopic {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private SecurityTopic() {
    }

    /**
     * The first {@code count} distinct events keyed by the tenant, in topic order; fails after a deadline.
     * Delivery is at least once, so a redelivered event (same id) is dropped as a consumer would.
     */
    public static List<JsonNode> eventsOf(String tenant, int count) throws IOException {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "security-topic-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(EventStreams.SECURITY));
            while (events.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (tenant.equals(record.key())
                            && events.stream().noneMatch(seen -> seen.path("id").equals(event.path("id")))) {
                        events.add(event);
                    }
                }
            }
        }
        if (events.size() < count) {
            throw new AssertionError("only " + events.size() + " of " + count + " security events of " + tenant
                    + " arrived within " + DEADLINE.toSeconds() + " s: " + events);
        }
        return events.subList(0, count);
    }
}
