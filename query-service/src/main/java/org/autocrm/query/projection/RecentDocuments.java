package org.autocrm.query.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents this instance wrote last, per target index, so the next events of a busy ticket are folded onto them
 * without reading Elasticsearch again: a realtime read of a document written since the last refresh makes
 * Elasticsearch refresh the shard internally, which at hundreds of writes a second costs more than the writes.
 *
 * <p>Only valid while nobody else writes those documents' events, so it is forgotten whenever the consumer's
 * partitions change hands (another instance may have applied events meanwhile) and when a rebuild swaps the alias;
 * a document Elasticsearch refused for its version (someone wrote a newer one) is dropped. Copies other views make
 * onto a document (a customer's company and tier) are filled anew at every write, so they need not be here.
 * Bounded: the least recently used document goes first.
 */
public final class RecentDocuments {

    private final Map<String, ObjectNode> documents;

    public RecentDocuments(int capacity) {
        this.documents = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The document as this instance last wrote it to {@code target}, or null if it is not at hand. */
    synchronized ObjectNode get(String target, String id) {
        return documents.get(key(target, id));
    }

    synchronized void put(String target, String id, ObjectNode document) {
        documents.put(key(target, id), document);
    }

    synchronized void forget(String target, String id) {
        documents.remove(key(target, id));
    }

    /** Partitions changed hands or the alias moved: what this instance wrote may no longer be the latest. */
    public synchronized void forgetAll() {
        documents.clear();
    }

    synchronized int size() {
        return documents.size();
    }

    private static String key(String target, String id) {
        return target + '\u0000' + id;
    }
}
