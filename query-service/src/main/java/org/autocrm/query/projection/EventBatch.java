package org.autocrm.query.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a run of events (one Kafka poll, in offset order) to one document per subject: the documents are taken
 * from those this instance wrote last ({@link RecentDocuments}) or read in one realtime {@code mget}, the events are
 * applied to them in memory, and every changed document is written in one
 * {@code _bulk} request at Elasticsearch's external version = its last applied sequence + 1.
 *
 * <p>Same guarantees as one event at a time: an event the stored {@code lastSequence} already covers is skipped, and
 * an item refused for its version was already written by someone else (a redelivery, a rebuild), which is fine. When
 * an event cannot be applied (or its document cannot be written) the batch stops there: only the documents as they
 * were before that event are written, and the {@link Outcome} names the event, so the caller commits only what comes
 * before it and retries (or dead-letters) exactly that event.
 */
public final class EventBatch {

    private static final int CONFLICT = 409;

    /** How a projection turns an event into a change of its document. */
    public interface Fold {

        /** The id of the document this event changes; null for an event the projection does not use. */
        String documentId(JsonNode envelope);

        /**
         * Applies the event to a private copy of the document (null when there is none yet) and returns the document
         * to write, or null when the event changes nothing and is skipped.
         *
         * @throws UnappliableEvent when the event can never be applied
         */
        ObjectNode apply(JsonNode envelope, ObjectNode document) throws IOException;
    }

    /** What happened to a batch: the documents written, and the first event not applied (-1: all were). */
    public record Outcome(Map<String, ObjectNode> written, int failedAt, Exception failure) {

        public boolean complete() {
            return failedAt < 0;
        }

        /** For a caller applying one event: throws what stopped it (an {@link UnappliableEvent} or an IOException). */
        public void throwFailure() throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure != null) {
                throw new IOException(failure);
            }
        }
    }

    /** Before the write, e.g. to copy customer fields onto new documents; after it, e.g. to recheck them. */
    public interface Hooks {

        default void beforeWrite(Collection<ObjectNode> documents) throws IOException {
        }

        default void afterWrite(String index, Map<String, ObjectNode> written) throws IOException {
        }
    }

    private final ElasticsearchClient client;
    private final RecentDocuments recent;

    /** Reads every document of a batch from Elasticsearch (a rebuild, a test). */
    public EventBatch(ElasticsearchClient client) {
        this(client, new RecentDocuments(0));
    }

    /** Folds onto the documents this instance wrote last where it has them, reads the others. */
    public EventBatch(ElasticsearchClient client, RecentDocuments recent) {
        this.client = client;
        this.recent = recent;
    }

    /**
     * Applies {@code envelopes} to {@code index} (an alias or a physical index). An unreachable store ends the batch
     * at its first event (an {@link IOException} as the failure), so the caller retries all of it.
     */
    public Outcome apply(List<JsonNode> envelopes, String index, Fold fold, Hooks hooks) {
        List<String> ids = new ArrayList<>(envelopes.size());
        Set<String> distinct = new LinkedHashSet<>();
        for (JsonNode envelope : envelopes) {
            String id = fold.documentId(envelope);
            ids.add(id);
            if (id != null && !id.isBlank()) {
                distinct.add(id);
            }
        }
        Map<String, ObjectNode> documents;
        try {
            documents = read(index, distinct);
        } catch (IOException | RuntimeException unreachable) {
            return new Outcome(Map.of(), 0, unreachable);
        }
        Map<String, ObjectNode> changed = new LinkedHashMap<>();
        Map<String, Integer> firstChange = new HashMap<>();
        int failedAt = -1;
        Exception failure = null;
        for (int i = 0; i < envelopes.size(); i++) {
            String id = ids.get(i);
            if (id == null) {
                continue;
            }
            JsonNode envelope = envelopes.get(i);
            if (id.isBlank()) {
                failedAt = i;
                failure = new UnappliableEvent("Event " + envelope.path("type").asText() + " names no subject");
                break;
            }
            long sequence = envelope.path("sequence").asLong(-1);
            ObjectNode current = documents.get(id);
            if (current != null && current.path("lastSequence").asLong(-1) >= sequence) {
                continue;
            }
            ObjectNode next;
            try {
                // a copy, so an event that fails halfway leaves the document as the events before it made it
                next = fold.apply(envelope, current == null ? null : current.deepCopy());
            } catch (IOException | RuntimeException e) {
                failedAt = i;
                failure = e;
                break;
            }
            if (next != null) {
                next.put("lastSequence", sequence);
                documents.put(id, next);
                changed.put(id, next);
                firstChange.putIfAbsent(id, i);
            }
        }
        if (changed.isEmpty()) {
            return new Outcome(Map.of(), failedAt, failure);
        }
        Map<String, ObjectNode> written;
        try {
            hooks.beforeWrite(changed.values());
            written = write(index, changed);
        } catch (IOException | RuntimeException unreachable) {
            changed.keySet().forEach(id -> recent.forget(index, id));
            return new Outcome(Map.of(), 0, unreachable);
        } catch (RefusedItems refused) {
            int first = refused.ids.stream().mapToInt(firstChange::get).min().orElse(0);
            if (failedAt < 0 || first < failedAt) {
                failedAt = first;
                failure = refused.asFailure();
            }
            written = refused.written;
        }
        // what was not written was refused for its version (someone wrote a newer one) or failed: read it next time
        for (Map.Entry<String, ObjectNode> document : changed.entrySet()) {
            if (written.containsKey(document.getKey())) {
                recent.put(index, document.getKey(), document.getValue());
            } else {
                recent.forget(index, document.getKey());
            }
        }
        try {
            hooks.afterWrite(index, written);
        } catch (IOException | RuntimeException unreachable) {
            return new Outcome(written, 0, unreachable);
        }
        return new Outcome(written, failedAt, failure);
    }

    private Map<String, ObjectNode> read(String index, Set<String> ids) throws IOException {
        Map<String, ObjectNode> documents = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            ObjectNode known = recent.get(index, id);
            if (known != null) {
                documents.put(id, known);
            } else {
                unknown.add(id);
            }
        }
        if (unknown.isEmpty()) {
            return documents;
        }
        MgetResponse<ObjectNode> response = client.mget(m -> m.index(index).ids(unknown), ObjectNode.class);
        for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException("Could not read " + index + " " + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
            if (item.result().found() && item.result().source() != null) {
                documents.put(item.result().id(), item.result().source());
            }
        }
        return documents;
    }

    /** Writes the documents; returns those written (not those another writer had already taken past). */
    private Map<String, ObjectNode> write(String index, Map<String, ObjectNode> documents)
            throws IOException, RefusedItems {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
        documents.forEach((id, document) -> bulk.operations(o -> o.index(i -> i.id(id)
                .version(document.path("lastSequence").asLong() + 1).versionType(VersionType.External)
                .document(document))));
        BulkResponse response = client.bulk(bulk.build());
        Map<String, ObjectNode> written = new LinkedHashMap<>();
        RefusedItems refused = null;
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                written.put(item.id(), documents.get(item.id()));
            } else if (item.status() != CONFLICT) {
                refused = refused == null ? new RefusedItems(written) : refused;
                refused.add(item.id(), item.status(), item.error().reason());
            }
        }
        if (refused != null) {
            throw refused;
        }
        return written;
    }

    /** Items of a bulk request Elasticsearch did not take, other than for their version. */
    private static final class RefusedItems extends Exception {

        private final Map<String, ObjectNode> written;
        private final List<String> ids = new ArrayList<>();
        private int status;
        private String reason;

        RefusedItems(Map<String, ObjectNode> written) {
            super(null, null, false, false);
            this.written = written;
        }

        void add(String id, int itemStatus, String itemReason) {
            ids.add(id);
            if (reason == null) {
                status = itemStatus;
                reason = id + ": " + itemStatus + " " + itemReason;
            }
        }

        /** A refusal of the request itself cannot succeed on retry; an overloaded or missing index can. */
        Exception asFailure() {
            String message = "Elasticsearch did not take " + ids.size() + " document(s), first " + reason;
            boolean refusal = status >= 400 && status < 500 && status != 404 && status != 408 && status != 429;
            return refusal ? new UnappliableEvent(message) : new IOException(message);
        }
    }
}
