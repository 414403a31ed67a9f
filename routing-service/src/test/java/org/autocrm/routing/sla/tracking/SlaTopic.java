package org.autocrm.routing.sla.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;

/**
 * {@code autocrm.sla.v1} read from the beginning as a consumer would, every record kept (a resend too, so a test
 * can tell a resent event, same id, from a second firing, another id), and each checked against the contract's
 * JSON Schemas (envelope and data).
 */
final class SlaTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final KafkaConsumer<String, String> consumer;
    private final List<JsonNode> seen = new ArrayList<>();

    SlaTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "sla-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(EventStreams.SLA));
    }

    /** Every event of the ticket seen after polling for {@code pollFor}, in topic order. */
    List<JsonNode> of(String ticketId, Duration pollFor) {
        long deadline = System.nanoTime() + pollFor.toNanos();
        do {
            poll();
        } while (System.nanoTime() < deadline);
        return matching(e -> e.path("subject").asText().equals(ticketId));
    }

    /** Waits until at least {@code count} events of the ticket match; returns all that match. */
    List<JsonNode> await(String ticketId, Predicate<JsonNode> matching, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
            List<JsonNode> found = matching(e -> e.path("subject").asText().equals(ticketId) && matching.test(e));
            if (found.size() >= count) {
                return found;
            }
        }
        throw new AssertionError("expected " + count + " matching SLA events of ticket " + ticketId + " within "
                + timeout + "; saw " + matching(e -> e.path("subject").asText().equals(ticketId)));
    }

    static Predicate<JsonNode> type(String type) {
        return event -> event.path("type").asText().equals(type);
    }

    /** What the contract's schemas say of the event: nothing when it is valid. */
    static Set<ValidationMessage> violations(JsonNode event) {
        try (InputStream envelope = EventTypes.class.getResourceAsStream(EventTypes.ENVELOPE_SCHEMA);
             InputStream data = EventTypes.class.getResourceAsStream(
                     EventTypes.schemaResource(event.path("type").asText()))) {
            Set<ValidationMessage> problems = new java.util.LinkedHashSet<>(
                    SCHEMAS.getSchema(envelope, STRICT).validate(event));
            problems.addAll(SCHEMAS.getSchema(data, STRICT).validate(event.path("data")));
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            try {
                seen.add(JSON.readTree(record.value()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<JsonNode> matching(Predicate<JsonNode> filter) {
        return seen.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
