package org.autocrm.query.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.autocrm.query.customers.CustomerFieldCopies;
import org.autocrm.query.sla.SlaCopies;
import org.autocrm.query.projection.EventBatch;
import org.autocrm.query.projection.ProjectionProperties;
import org.autocrm.query.projection.RecentDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one metrics document per ticket. Idempotent: the document remembers the last sequence
 * applied and is written with Elasticsearch's external version (sequence + 1), so a redelivered
 * or replayed event, or one older than what the document holds, changes nothing. The live listener hands over a
 * whole poll: one {@code mget}, the events applied in memory, one {@code _bulk} (see {@link EventBatch}).
 */
@Component
class TicketMetricsProjection {

    private static final Logger log = LoggerFactory.getLogger(TicketMetricsProjection.class);
    private final RecentDocuments recent;
    private final EventBatch batches;
    private final MetricsIndex index;
    private final CustomerFieldCopies customerCopies;
    private final SlaCopies slaCopies;

    TicketMetricsProjection(ElasticsearchClient client, MetricsIndex index, CustomerFieldCopies customerCopies,
                            SlaCopies slaCopies, ProjectionProperties properties) {
        this.recent = new RecentDocuments(properties.recentDocuments());
        this.batches = new EventBatch(client, recent);
        this.index = index;
        this.customerCopies = customerCopies;
        this.slaCopies = slaCopies;
    }

    /** The documents the live listener wrote last. */
    RecentDocuments recent() {
        return recent;
    }

    /** Applies one event envelope through the alias; false when it was skipped (already applied or superseded). */
    boolean apply(JsonNode envelope) throws IOException {
        return apply(envelope, MetricsIndex.ALIAS);
    }

    /**
     * Applies one event envelope to the given index or alias (a rebuild names its new index). An event of a type
     * metrics do not use still advances the document's version, so that version N means "seen up to event N".
     */
    boolean apply(JsonNode envelope, String target) throws IOException {
        EventBatch.Outcome outcome = applyAll(List.of(envelope), target);
        outcome.throwFailure();
        return !outcome.written().isEmpty();
    }

    /** Applies a run of events (one poll, in offset order) with one read and one bulk write. */
    EventBatch.Outcome applyAll(List<JsonNode> envelopes, String target) throws IOException {
        index.ensureExists();
        return batches.apply(envelopes, target, fold, hooks);
    }

    private final EventBatch.Fold fold = new EventBatch.Fold() {
        @Override
        public String documentId(JsonNode envelope) {
            return envelope.path("type").asText().startsWith("autocrm.ticket.") ? envelope.path("subject").asText() : null;
        }

        @Override
        public ObjectNode apply(JsonNode envelope, ObjectNode document) {
            String type = envelope.path("type").asText();
            String ticketId = envelope.path("subject").asText();
            long sequence = envelope.path("sequence").asLong(-1);
            JsonNode data = withTime(envelope);
            try {
                if (TicketMetricsChanges.CREATED.equals(type)) {
                    return TicketMetricsChanges.created(data, envelope.path("tenantId").asText());
                }
                if (document == null) {
                    // creation is sequence 0 on the same partition, so it is not coming: nothing to measure from
                    if (TicketMetricsChanges.knows(type)) {
                        log.warn("Ticket {} has event {} ({}) but no metrics document; skipping", ticketId, sequence, type);
                    }
                    return null;
                }
                if (TicketMetricsChanges.knows(type)) {
                    TicketMetricsChanges.apply(type, data, document);
                }
                return document;
            } catch (DateTimeParseException unreadableTime) {
                // retrying cannot help an event whose time cannot be read
                log.warn("Ticket {} event {} ({}) has an unreadable time; skipping: {}", ticketId, sequence, type,
                        unreadableTime.getMessage());
                return null;
            }
        }
    };

    private final EventBatch.Hooks hooks = new EventBatch.Hooks() {
        @Override
        public void beforeWrite(Collection<ObjectNode> documents) throws IOException {
            customerCopies.fillAll(documents);
            slaCopies.fillAll(documents);
        }

        @Override
        public void afterWrite(String target, Map<String, ObjectNode> written) throws IOException {
            customerCopies.recheckAll(target, written);
            if (MetricsIndex.ALIAS.equals(target)) { // a rebuild's new index: see SlaCopies
                slaCopies.recheckAll(target, written);
            }
        }
    };

    /** The payload, with the envelope's time as {@code at} when the payload has none. */
    private static JsonNode withTime(JsonNode envelope) {
        JsonNode data = envelope.path("data");
        if (data instanceof ObjectNode object && !data.hasNonNull("at") && envelope.hasNonNull("time")) {
            ObjectNode copy = object.deepCopy();
            copy.set("at", envelope.get("time"));
            return copy;
        }
        return data;
    }
}
