package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.autocrm.events.TicketCreated;
import org.autocrm.query.customers.CustomerFieldCopies;
import org.autocrm.query.sla.SlaCopies;
import org.autocrm.query.projection.EventBatch;
import org.autocrm.query.projection.ProjectionProperties;
import org.autocrm.query.projection.RecentDocuments;
import org.autocrm.query.projection.UnappliableEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one Elasticsearch document per ticket from the ticket events.
 *
 * <p>Idempotent and ordered: a document is written with Elasticsearch's external version set to
 * the event's sequence + 1, so a redelivered event, or one older than what the document already
 * holds, is refused by Elasticsearch itself and skipped here (and not even sent when the stored {@code lastSequence}
 * covers it). Every event of a ticket advances its document's
 * version, even one that changes nothing shown, so a document at version N has seen all of the ticket's events up to
 * N (what read-your-writes waits for).
 *
 * <p>The live listener hands over a whole poll: one {@code mget}, the events applied in memory, one {@code _bulk}
 * (see {@link EventBatch}); the customer's company and tier are filled and rechecked for the whole batch at once.
 */
@Component
class TicketProjection {

    private static final Logger log = LoggerFactory.getLogger(TicketProjection.class);
    private static final String CREATED = "autocrm.ticket.created.v1";

    private final RecentDocuments recent;
    private final EventBatch batches;
    private final TicketIndex index;
    private final ObjectMapper json;
    private final CustomerFieldCopies customerCopies;
    private final SlaCopies slaCopies;
    private final CustomerFiguresRecount customerFigures;

    TicketProjection(ElasticsearchClient client, TicketIndex index, ObjectMapper json,
                     CustomerFieldCopies customerCopies, SlaCopies slaCopies, CustomerFiguresRecount customerFigures,
                     ProjectionProperties properties) {
        this.recent = new RecentDocuments(properties.recentDocuments());
        this.batches = new EventBatch(client, recent);
        this.index = index;
        this.json = json;
        this.customerCopies = customerCopies;
        this.slaCopies = slaCopies;
        this.customerFigures = customerFigures;
    }

    /** The documents the live listener wrote last. */
    RecentDocuments recent() {
        return recent;
    }

    /** Applies one event through the alias; returns false when it was already applied (or superseded) and so skipped. */
    boolean apply(JsonNode envelope) throws IOException {
        return apply(envelope, TicketIndex.ALIAS);
    }

    /**
     * Applies one event to the given index or alias (a rebuild names its new index); false when it was skipped.
     *
     * @throws UnappliableEvent when it never can be applied
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
            String type = envelope.path("type").asText();
            if (!type.startsWith("autocrm.ticket.")) {
                log.debug("Skipping event type {} that this projection does not use", type);
                return null;
            }
            return envelope.path("subject").asText();
        }

        @Override
        public ObjectNode apply(JsonNode envelope, ObjectNode document) throws IOException {
            String type = envelope.path("type").asText();
            JsonNode data = envelope.path("data");
            if (CREATED.equals(type)) {
                return created(json.treeToValue(data, TicketCreated.class));
            }
            if (document == null) {
                if (!TicketChanges.knows(type)) {
                    log.debug("Skipping event type {} of a ticket without a document", type);
                    return null;
                }
                // its creation (sequence 0, same partition) came first; a few retries cover a racing rebuild swap
                throw new UnappliableEvent("Ticket " + envelope.path("subject").asText() + " has event "
                        + envelope.path("sequence").asLong(-1) + " but no document");
            }
            // every event advances the version, also one that changes nothing shown (read-your-writes counts on it)
            if (TicketChanges.knows(type)) {
                TicketChanges.apply(type, data, document);
            }
            return document;
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
            if (TicketIndex.ALIAS.equals(target)) { // a rebuild's new index: see SlaCopies
                slaCopies.recheckAll(target, written);
            }
            written.values().forEach(document -> customerFigures.changed(document.path("tenantId").asText(),
                    document.path("customerId").asText(null)));
        }
    };

    private ObjectNode created(TicketCreated event) {
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
        return document;
    }
}
