package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.query.projection.EventBatch;
import org.autocrm.query.projection.RecentDocuments;
import org.autocrm.query.projection.UnappliableEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps one document per customer from the customer events. Idempotent and ordered per customer:
 * the document remembers the last sequence applied, and an event at or below it changes nothing.
 * The ticket figures on the same document are written separately ({@link CustomerStatistics}), so
 * the profile is read, changed and written back only if nobody wrote in between (sequence number
 * and primary term), else read again. Every batch reads its customers, so no written document is kept at hand
 * ({@link #recent()} is empty): a profile changes rarely, unlike a busy ticket.
 */
@Component
class CustomerProjection {

    static final String CREATED = "autocrm.customer.created.v1";
    static final String UPDATED = "autocrm.customer.updated.v1";
    private static final List<String> PROFILE_FIELDS = List.of("name", "emails", "phone", "company", "tier",
            "language", "timeZone", "externalId");
    private static final Logger log = LoggerFactory.getLogger(CustomerProjection.class);
    private static final int CONFLICT = 409;
    private static final int ATTEMPTS = 10;

    private final ElasticsearchClient client;
    private final CustomerIndex index;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final RecentDocuments recent = new RecentDocuments(0);

    CustomerProjection(ElasticsearchClient client, CustomerIndex index, ObjectMapper json,
                       ApplicationEventPublisher events) {
        this.client = client;
        this.index = index;
        this.json = json;
        this.events = events;
    }

    /** The documents the live listener wrote last: none, every batch reads its customers (see the class comment). */
    RecentDocuments recent() {
        return recent;
    }

    /**
     * Applies a batch of customer events (one poll, in offset order) through the alias, then announces the profiles
     * the batch left in one {@link CustomerProfilesChanged}. An event that cannot be applied stops the batch there
     * (the outcome names it).
     */
    EventBatch.Outcome applyAll(List<JsonNode> envelopes) {
        Applied applied = applyAll(envelopes, CustomerIndex.ALIAS);
        if (!applied.profiles().isEmpty()) {
            List<CustomerProfileChanged> announcements = new ArrayList<>();
            applied.profiles().forEach((id, document) -> announcements.add(new CustomerProfileChanged(
                    document.path("tenantId").asText(), document.path("customerId").asText(),
                    text(document, "company"), text(document, "tier"))));
            events.publishEvent(new CustomerProfilesChanged(announcements));
        }
        return applied.outcome();
    }

    /**
     * Applies one event to the given index (a rebuild names its new one). Nothing is announced: the copies of the
     * company and tier on tickets and metrics were made from the same events already, and the ticket figures of
     * the new index are recounted once it is behind the alias.
     *
     * @throws UnappliableEvent when it never can be applied
     */
    void apply(JsonNode envelope, String target) throws IOException {
        applyAll(List.of(envelope), target).outcome().throwFailure();
    }

    /** What a batch did: the customers done (written, or already past their events), and how far it got. */
    private record Applied(Map<String, ObjectNode> profiles, EventBatch.Outcome outcome) {
    }

    /**
     * The batch's customers are read from {@code target} in one {@code mget}, their events folded in memory, and the
     * changed documents written in one {@code _bulk}, each only if nobody wrote it in between (sequence number and
     * primary term; its ticket figures, most likely), else those customers are read and folded again.
     */
    private Applied applyAll(List<JsonNode> envelopes, String target) {
        Map<String, List<JsonNode>> eventsByCustomer = new LinkedHashMap<>();
        Map<String, Integer> firstPosition = new HashMap<>();
        int failedAt = -1;
        Exception failure = null;
        for (int i = 0; i < envelopes.size(); i++) {
            JsonNode envelope = envelopes.get(i);
            String type = envelope.path("type").asText();
            if (!CREATED.equals(type) && !UPDATED.equals(type)) {
                log.debug("Skipping customer event type {} that this projection does not use", type);
                continue;
            }
            if (envelope.path("tenantId").asText().isBlank() || envelope.path("subject").asText().isBlank()) {
                failedAt = i;
                failure = new UnappliableEvent("Customer event " + type + " names no tenant or customer");
                break;
            }
            String id = CustomerIndex.documentId(envelope.path("tenantId").asText(), envelope.path("subject").asText());
            eventsByCustomer.computeIfAbsent(id, k -> new ArrayList<>()).add(envelope);
            firstPosition.putIfAbsent(id, i);
        }
        Map<String, ObjectNode> profiles = new LinkedHashMap<>();
        try {
            index.ensureExists();
            Set<String> pending = new LinkedHashSet<>(eventsByCustomer.keySet());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Set<String> conflicted = write(target, pending, eventsByCustomer, profiles);
                if (!conflicted.isEmpty() && attempt == ATTEMPTS) {
                    throw new IOException("Customers " + conflicted + " kept changing while being written");
                }
                pending = conflicted;
            }
        } catch (IOException | RuntimeException e) {
            // the customers written so far count as done; what failed comes again from its first event
            int first = eventsByCustomer.keySet().stream().filter(id -> !profiles.containsKey(id))
                    .mapToInt(firstPosition::get).min().orElse(0);
            if (failedAt < 0 || first < failedAt) {
                failedAt = first;
                failure = e;
            }
        }
        return new Applied(profiles, new EventBatch.Outcome(Map.of(), failedAt, failure));
    }

    /**
     * Reads these customers, folds their events and writes those that changed; puts every customer done (written,
     * or already past its events) into {@code profiles} and returns those somebody else wrote meanwhile.
     */
    private Set<String> write(String target, Set<String> ids, Map<String, List<JsonNode>> eventsByCustomer,
                              Map<String, ObjectNode> profiles) throws IOException {
        MgetResponse<ObjectNode> stored = client.mget(m -> m.index(target).ids(List.copyOf(ids)), ObjectNode.class);
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(target);
        Map<String, ObjectNode> changed = new LinkedHashMap<>();
        for (MultiGetResponseItem<ObjectNode> item : stored.docs()) {
            if (item.isFailure()) {
                throw new IOException("Could not read customer " + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
            GetResult<ObjectNode> current = item.result();
            List<JsonNode> customerEvents = eventsByCustomer.get(current.id());
            JsonNode first = customerEvents.get(0);
            ObjectNode document = current.found() && current.source() != null ? current.source()
                    : json.createObjectNode().put("tenantId", first.path("tenantId").asText())
                            .put("customerId", first.path("subject").asText());
            boolean applied = false;
            for (JsonNode envelope : customerEvents) {
                applied |= apply(envelope, document);
            }
            if (!applied) {
                profiles.put(current.id(), document); // a redelivery: the copies catch up if they did not
                continue;
            }
            changed.put(current.id(), document);
            if (current.found()) {
                bulk.operations(o -> o.index(i -> i.id(current.id()).document(document)
                        .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm())));
            } else {
                bulk.operations(o -> o.create(c -> c.id(current.id()).document(document)));
            }
        }
        Set<String> conflicted = new LinkedHashSet<>();
        if (changed.isEmpty()) {
            return conflicted;
        }
        BulkResponse response = client.bulk(bulk.build());
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                profiles.put(item.id(), changed.get(item.id()));
            } else if (item.status() == CONFLICT) {
                conflicted.add(item.id()); // written meanwhile (its ticket figures, most likely): read again
            } else {
                throw new IOException("Could not write customer " + item.id() + ": " + item.status() + " "
                        + item.error().reason());
            }
        }
        return conflicted;
    }

    /** Applies one customer event to the document; false when the document already holds it (or a later one). */
    private static boolean apply(JsonNode envelope, ObjectNode document) {
        long sequence = envelope.path("sequence").asLong(-1);
        if (document.path("lastSequence").asLong(-1) >= sequence) {
            return false;
        }
        JsonNode data = envelope.path("data");
        String at = data.hasNonNull("at") ? data.get("at").asText() : envelope.path("time").asText();
        PROFILE_FIELDS.forEach(field -> document.set(field, data.hasNonNull(field) ? data.get(field) : null));
        if (!document.hasNonNull("createdAt")) {
            document.put("createdAt", at);
        }
        document.put("updatedAt", at);
        document.put("lastSequence", sequence);
        return true;
    }

    private static String text(JsonNode document, String field) {
        return document.hasNonNull(field) ? document.get(field).asText() : null;
    }
}
