package org.autocrm.ticket.support;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.autocrm.events.EventStreams;
import org.autocrm.infrastructure.Infrastructure;

/**
 * Reads one of the event topics from the beginning, as an integrator would: delivery is at least
 * once, so a record whose event id was already seen is dropped.
 */
public final class EventTopic implements AutoCloseable {

    private final String name;

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final Set<String> eventIds = new HashSet<>();

    public EventTopic(String name) {
        this.name = name;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(name));
    }

    /** Waits until at least {@code count} records match, and returns all that matched, in topic order. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> matching, int count,
                                                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::remember);
            List<ConsumerRecord<String, String>> matches = seen.stream().filter(matching).toList();
            if (matches.size() >= count) {
                return matches;
            }
        }
        throw new AssertionError("Expected " + count + " matching records on " + name
                + " within " + timeout + " but saw " + seen.stream().filter(matching).count());
    }

    /** Every matching record seen after polling for the given time. */
    public List<ConsumerRecord<String, String>> drain(Predicate<ConsumerRecord<String, String>> matching,
                                                      Duration pollFor) {
        long deadline = System.nanoTime() + pollFor.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::remember);
        }
        return seen.stream().filter(matching).toList();
    }

    private void remember(ConsumerRecord<String, String> record) {
        String eventId = new String(record.headers().lastHeader(EventStreams.ID_HEADER).value(), StandardCharsets.UTF_8);
        if (eventIds.add(eventId)) {
            seen.add(record);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
