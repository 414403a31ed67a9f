package org.autocrm.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A projection query-service keeps from the event stream, as each view declares it (a bean): its name in the admin
 * API and metrics, its versioned index, the id of the Kafka listener that feeds it live, how to apply one event to a
 * given physical index (so a rebuild can fill a new one), the read paths it answers (for read-your-writes) and the
 * documents its live listener wrote last (forgotten when partitions change hands or the alias moves).
 */
public record Projection(String name, String topic, VersionedIndex index, String listenerId, Writer writer,
                         List<String> readPaths, RecentDocuments recent) {

    public Projection {
        Objects.requireNonNull(name);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(index);
        Objects.requireNonNull(listenerId);
        Objects.requireNonNull(writer);
        Objects.requireNonNull(recent);
        readPaths = List.copyOf(readPaths);
    }

    /** Applies one event envelope to the named index (or alias); idempotent, as every projection is. */
    @FunctionalInterface
    public interface Writer {

        /**
         * @throws UnappliableEvent when this event can never be applied (it is dead-lettered after a few tries)
         * @throws IOException      when the index cannot be reached (retried until it can)
         */
        void apply(JsonNode envelope, String index) throws IOException;
    }
}
