package org.autocrm.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A projection query-service keeps from the event stream, as each view declares it (a bean): its name in the admin
 * API and metrics, its versioned index, the id of the Kafka listener that feeds it live, how to apply one event to a
 * given physical index (so a rebuild can fill a new one), the read paths it answers and which document holds an
 * event subject (for read-your-writes), and the documents its live listener wrote last (forgotten when partitions
 * change hands or the alias moves).
 */
public record Projection(String name, String topic, VersionedIndex index, String listenerId, Writer writer,
                         List<String> readPaths, RecentDocuments recent, DocumentIds documentIds) {

    /** A projection with one document per event subject, its id the subject's (a ticket's document). */
    public Projection(String name, String topic, VersionedIndex index, String listenerId, Writer writer,
                      List<String> readPaths, RecentDocuments recent) {
        this(name, topic, index, listenerId, writer, readPaths, recent, (tenantId, subject) -> subject);
    }

    public Projection {
        Objects.requireNonNull(name);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(index);
        Objects.requireNonNull(listenerId);
        Objects.requireNonNull(writer);
        Objects.requireNonNull(recent);
        Objects.requireNonNull(documentIds);
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

    /** The id of the document that holds the events of a subject (a ticket, a customer) of a tenant. */
    @FunctionalInterface
    public interface DocumentIds {

        /** @return null when the projection cannot name it (no tenant known where ids are per tenant) */
        String of(String tenantId, String subject);
    }
}
