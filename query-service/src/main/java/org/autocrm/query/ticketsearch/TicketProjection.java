package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.autocrm.events.TicketCreated;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one Elasticsearch document per ticket from the ticket events.
 *
 * <p>Idempotent and ordered: a document is written with Elasticsearch's external version set to
 * the event's sequence + 1, so a redelivered event, or one older than what the document already
 * holds, is refused by Elasticsearch itself and skipped here.
 */
@Component
class TicketProjection {

    private static final Logger log = LoggerFactory.getLogger(TicketProjection.class);
    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final TicketIndex index;
    private final ObjectMapper json;

    TicketProjection(ElasticsearchClient client, TicketIndex index, ObjectMapper json) {
        this.client = client;
        this.index = index;
        this.json = json;
    }

    /** Applies one event; returns false when it was already applied (or superseded) and so skipped. */
    boolean apply(JsonNode envelope) throws IOException {
        String type = envelope.path("type").asText();
        long sequence = envelope.path("sequence").asLong(-1);
        return switch (type) {
            case "autocrm.ticket.created.v1" -> created(read(envelope, TicketCreated.class), sequence);
            default -> {
                log.debug("Skipping event type {} that this projection does not use", type);
                yield false;
            }
        };
    }

    private boolean created(TicketCreated event, long sequence) throws IOException {
        TicketDocument document = new TicketDocument(event.ticketId(), event.tenantId(), event.number(),
                event.subject(), event.description(), event.customerId(), event.priority(), event.status().name(),
                event.channel(), new TicketDocument.Person(event.by().userId(), event.by().role()),
                event.at(), event.at(), sequence);
        return write(document);
    }

    private boolean write(TicketDocument document) throws IOException {
        index.ensureExists();
        try {
            client.index(i -> i.index(TicketIndex.ALIAS)
                    .id(document.ticketId())
                    .version(document.lastSequence() + 1)
                    .versionType(VersionType.External)
                    .document(document));
            return true;
        } catch (IOException | RuntimeException e) {
            if (isVersionConflict(e)) {
                return skipped(document);
            }
            throw e;
        }
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

    private static boolean skipped(TicketDocument document) {
        log.debug("Ticket {} already has sequence {} or later; skipping", document.ticketId(), document.lastSequence());
        return false;
    }

    private <T> T read(JsonNode envelope, Class<T> payload) throws JsonProcessingException {
        return json.treeToValue(envelope.get("data"), payload);
    }
}
