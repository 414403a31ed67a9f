package org.autocrm.query.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import org.autocrm.query.customers.CustomerFieldCopies;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one metrics document per ticket. Idempotent: the document remembers the last sequence
 * applied and is written with Elasticsearch's external version (sequence + 1), so a redelivered
 * or replayed event, or one older than what the document holds, changes nothing.
 */
@Component
class TicketMetricsProjection {

    private static final Logger log = LoggerFactory.getLogger(TicketMetricsProjection.class);
    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final MetricsIndex index;
    private final CustomerFieldCopies customerCopies;

    TicketMetricsProjection(ElasticsearchClient client, MetricsIndex index, CustomerFieldCopies customerCopies) {
        this.client = client;
        this.index = index;
        this.customerCopies = customerCopies;
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
        String type = envelope.path("type").asText();
        if (!type.startsWith("autocrm.ticket.")) {
            return false;
        }
        String ticketId = envelope.path("subject").asText();
        long sequence = envelope.path("sequence").asLong(-1);
        JsonNode data = withTime(envelope);
        index.ensureExists();
        try {
            return applyKnown(type, ticketId, sequence, data, envelope.path("tenantId").asText(), target);
        } catch (DateTimeParseException unreadableTime) {
            // retrying cannot help an event whose time cannot be read
            log.warn("Ticket {} event {} ({}) has an unreadable time; skipping: {}", ticketId, sequence, type,
                    unreadableTime.getMessage());
            return false;
        }
    }

    private boolean applyKnown(String type, String ticketId, long sequence, JsonNode data, String tenantId,
                               String target) throws IOException {
        if (TicketMetricsChanges.CREATED.equals(type)) {
            ObjectNode created = TicketMetricsChanges.created(data, tenantId);
            customerCopies.fill(created);
            return write(ticketId, sequence, created, target);
        }
        GetResponse<ObjectNode> current = client.get(g -> g.index(target).id(ticketId), ObjectNode.class);
        if (!current.found()) {
            // creation is sequence 0 on the same partition, so it is not coming: nothing to measure from
            if (TicketMetricsChanges.knows(type)) {
                log.warn("Ticket {} has event {} ({}) but no metrics document; skipping", ticketId, sequence, type);
            }
            return false;
        }
        ObjectNode document = current.source();
        if (document.path("lastSequence").asLong(-1) >= sequence) {
            return false;
        }
        if (TicketMetricsChanges.knows(type)) {
            TicketMetricsChanges.apply(type, data, document);
        }
        return write(ticketId, sequence, document, target);
    }

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

    private boolean write(String ticketId, long sequence, ObjectNode document, String target) throws IOException {
        document.put("lastSequence", sequence);
        try {
            client.index(i -> i.index(target).id(ticketId)
                    .version(sequence + 1).versionType(VersionType.External)
                    .document(document));
        } catch (IOException | RuntimeException e) {
            if (isVersionConflict(e)) {
                log.debug("Metrics of ticket {} already at sequence {} or later; skipping", ticketId, sequence);
                return false;
            }
            throw e;
        }
        customerCopies.recheck(target, ticketId, sequence, document);
        return true;
    }

    private static boolean isVersionConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ElasticsearchException es && es.status() == CONFLICT
                    || cause instanceof TransportException transport && transport.statusCode() == CONFLICT
                    || cause instanceof ResponseException response
                            && response.getResponse().getStatusLine().getStatusCode() == CONFLICT) {
                return true;
            }
        }
        return false;
    }
}
