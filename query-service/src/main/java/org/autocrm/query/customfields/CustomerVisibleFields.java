package org.autocrm.query.customfields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.CustomFieldChanged;
import org.autocrm.events.CustomFieldDefined;
import org.autocrm.query.replicafeed.TopicTail;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Which custom ticket fields of a tenant customers may see (defined or last changed with
 * {@code visibleToCustomers: true}); every other field is agent-only for the read side, including one whose
 * definition this replica has not read (so a value arriving before its definition, or a definition the topic no
 * longer holds, hides a field rather than leaking it). Learnt from {@code autocrm.ticket-configuration.v1}. Each replica reads the whole topic from its beginning at start (it is
 * small: a few definitions per tenant) and keeps the definitions in memory, so nothing has to be stored or backed up
 * and every replica knows every change within a poll. Until the replica has read what the topic held at its start,
 * it knows nothing ({@link #of} is empty) and readers hide every custom field from customers: a restart must not
 * open a window in which agent-only values leak.
 */
@Component
public class CustomerVisibleFields implements SmartLifecycle, TopicTail.Reader {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final String DEFINED = EventTypes.typeOf(CustomFieldDefined.class);
    private static final String CHANGED = EventTypes.typeOf(CustomFieldChanged.class);

    private final ConsumerFactory<String, String> consumers;
    private final ObjectMapper json;
    /** tenant → field id → definition. Written on the tail's thread only. */
    private final Map<String, Map<String, Field>> tenants = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile TopicTail tail;

    CustomerVisibleFields(ConsumerFactory<String, String> consumers, ObjectMapper json) {
        this.consumers = consumers;
        this.json = json;
    }

    /** A field's key (as ticket values name it; it never changes) and whether customers may see it. */
    private record Field(String key, boolean visibleToCustomers) {
    }

    /**
     * The keys of the tenant's fields customers may see, or empty while this replica has not yet read the
     * definitions (then no field is known to be visible to customers).
     */
    public Optional<Set<String>> of(String tenantId) {
        if (!caughtUp) {
            return Optional.empty();
        }
        return Optional.of(tenants.getOrDefault(tenantId, Map.of()).values().stream()
                .filter(Field::visibleToCustomers).map(Field::key).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public void started(int partition, long offset) {
    }

    @Override
    public void read(List<ConsumerRecord<String, String>> records) {
        records.forEach(this::apply);
    }

    @Override
    public void caughtUp() {
        caughtUp = true;
    }

    /** Retiring a field changes nothing here: the values stay on the tickets and keep the field's visibility. */
    private void apply(ConsumerRecord<String, String> record) {
        JsonNode envelope;
        try {
            envelope = record.value() == null ? null : json.readTree(record.value());
        } catch (JsonProcessingException e) {
            return; // not an event of the contract: nothing to learn
        }
        if (envelope == null) {
            return;
        }
        String type = envelope.path("type").asText("");
        JsonNode data = envelope.path("data");
        String tenantId = data.path("tenantId").asText(envelope.path("tenantId").asText(""));
        String fieldId = data.path("fieldId").asText("");
        if (tenantId.isEmpty() || fieldId.isEmpty()) {
            return;
        }
        Map<String, Field> fields = tenants.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
        boolean visible = data.path("visibleToCustomers").asBoolean(false);
        if (DEFINED.equals(type) && data.hasNonNull("key")) {
            fields.put(fieldId, new Field(data.get("key").asText(), visible));
        } else if (CHANGED.equals(type)) {
            fields.computeIfPresent(fieldId, (id, field) -> new Field(field.key(), visible));
        }
    }

    @Override
    public void start() {
        tail = TopicTail.start(consumers, EventStreams.TICKET_CONFIGURATION, TopicTail.Start.atBeginning(), this,
                POLL);
    }

    @Override
    public void stop() {
        TopicTail running = tail;
        tail = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return tail != null;
    }
}
