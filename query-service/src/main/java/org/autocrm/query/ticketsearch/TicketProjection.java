package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.autocrm.events.TicketCreated;
import org.autocrm.query.customers.CustomerFieldCopies;
import org.autocrm.query.projection.UnappliableEvent;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one Elasticsearch document per ticket from the ticket events.
 *
 * <p>Idempotent and ordered: a document is written with Elasticsearch's external version set to
 * the event's sequence + 1, so a redelivered event, or one older than what the document already
 * holds, is refused by Elasticsearch itself and skipped here. Every event of a ticket advances its document's
 * version, even one that changes nothing shown, so a document at version N has seen all of the ticket's events up to
 * N (what read-your-writes waits for).
 */
@Component
class TicketProjection {

    private static final Logger log = LoggerFactory.getLogger(TicketProjection.class);
    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final TicketIndex index;
    private final ObjectMapper json;
    private final CustomerFieldCopies customerCopies;
    private final CustomerFiguresRecount customerFigures;

    TicketProjection(ElasticsearchClient client, TicketIndex index, ObjectMapper json,
                     CustomerFieldCopies customerCopies, CustomerFiguresRecount customerFigures) {
        this.client = client;
        this.index = index;
        this.json = json;
        this.customerCopies = customerCopies;
        this.customerFigures = customerFigures;
    }

    /** Applies one event through the alias; returns false when it was already applied (or superseded) and so skipped. */
    boolean apply(JsonNode envelope) throws IOException {
        return apply(envelope, TicketIndex.ALIAS);
    }

    /** Applies one event to the given index or alias (a rebuild names its new index). */
    boolean apply(JsonNode envelope, String target) throws IOException {
        String type = envelope.path("type").asText();
        long sequence = envelope.path("sequence").asLong(-1);
        JsonNode data = envelope.path("data");
        if ("autocrm.ticket.created.v1".equals(type)) {
            return created(json.treeToValue(data, TicketCreated.class), sequence, target);
        }
        if (!type.startsWith("autocrm.ticket.")) {
            log.debug("Skipping event type {} that this projection does not use", type);
            return false;
        }
        if (!TicketChanges.knows(type)) {
            try {
                return update(envelope.path("subject").asText(), sequence, target, document -> { });
            } catch (UnappliableEvent noTicket) {
                log.debug("Skipping event type {} of a ticket without a document", type);
                return false;
            }
        }
        return update(envelope.path("subject").asText(), sequence, target,
                document -> TicketChanges.apply(type, data, document));
    }

    private boolean created(TicketCreated event, long sequence, String target) throws IOException {
        ObjectNode document = json.createObjectNode();
        document.put("ticketId", event.ticketId());
        document.put("tenantId", event.tenantId());
        document.put("number", event.number());
        document.put("subject", event.subject());
        document.put("description", event.description());
        document.put("customerId", event.customerId());
        TicketChanges.priority(document, event.priority());
        document.put("status", event.status().name());
        document.put("channel", event.channel());
        document.put("language", event.language());
        document.put("categoryId", event.categoryId());
        document.set("tags", json.valueToTree(event.tags()));
        document.set("customFields", json.valueToTree(event.customFields()));
        document.set("createdBy", json.valueToTree(new TicketDocument.Person(event.by().userId(), event.by().role())));
        document.put("createdAt", event.at().toString());
        document.put("updatedAt", event.at().toString());
        customerCopies.fill(document);
        return write(event.ticketId(), sequence, document, target);
    }

    /**
     * Later events change the stored document. Kafka keeps one ticket's events in order, so the
     * document is at the previous sequence; anything at or past this one was already applied.
     */
    private boolean update(String ticketId, long sequence, String target,
                           java.util.function.Consumer<ObjectNode> change) throws IOException {
        index.ensureExists();
        GetResponse<ObjectNode> current = client.get(g -> g.index(target).id(ticketId), ObjectNode.class);
        if (!current.found()) {
            // its creation (sequence 0, same partition) came first; a few retries cover a racing rebuild swap
            throw new UnappliableEvent("Ticket " + ticketId + " has event " + sequence + " but no document");
        }
        ObjectNode document = current.source();
        if (document.path("lastSequence").asLong(-1) >= sequence) {
            return false;
        }
        change.accept(document);
        return write(ticketId, sequence, document, target);
    }

    private boolean write(String ticketId, long sequence, ObjectNode document, String target) throws IOException {
        document.put("lastSequence", sequence);
        index.ensureExists();
        try {
            client.index(i -> i.index(target)
                    .id(ticketId)
                    .version(sequence + 1)
                    .versionType(VersionType.External)
                    .document(document));
        } catch (IOException | RuntimeException e) {
            if (isVersionConflict(e)) {
                log.debug("Ticket {} already has sequence {} or later; skipping", ticketId, sequence);
                return false;
            }
            throw e;
        }
        customerCopies.recheck(target, ticketId, sequence, document);
        customerFigures.changed(document.path("tenantId").asText(), document.path("customerId").asText(null));
        return true;
    }

    /** The client reports a refused external version in different shapes depending on the call path. */
    private static boolean isVersionConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ElasticsearchException es && es.status() == CONFLICT
                    || cause instanceof TransportException transport && transport.statusCode() == CONFLICT
                    || cause instanceof ResponseException response && response.getResponse().getStatusLine().getStatusCode() == CONFLICT) {
                return true;
            }
        }
        return false;
    }
}
