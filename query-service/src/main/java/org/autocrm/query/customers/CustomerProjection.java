package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autocrm.query.projection.EventBatch;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps one document per customer from the customer events. Idempotent and ordered per customer:
 * the document remembers the last sequence applied, and an event at or below it changes nothing.
 * The ticket figures on the same document are written separately ({@link CustomerStatistics}), so
 * the profile is read, changed and written back only if nobody wrote in between (sequence number
 * and primary term), else read again.
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

    CustomerProjection(ElasticsearchClient client, CustomerIndex index, ObjectMapper json,
                       ApplicationEventPublisher events) {
        this.client = client;
        this.index = index;
        this.json = json;
        this.events = events;
    }

    /**
     * Applies a batch of customer events in order, then announces the profiles they left in one
     * {@link CustomerProfilesChanged}; stops at the first event that fails (the outcome names it).
     */
    EventBatch.Outcome applyAll(List<JsonNode> envelopes) {
        List<CustomerProfileChanged> announcements = new ArrayList<>();
        int failedAt = -1;
        Exception failure = null;
        for (int i = 0; i < envelopes.size(); i++) {
            try {
                apply(envelopes.get(i), announcements);
            } catch (IOException | RuntimeException e) {
                failedAt = i;
                failure = e;
                break;
            }
        }
        if (!announcements.isEmpty()) {
            events.publishEvent(new CustomerProfilesChanged(announcements));
        }
        return new EventBatch.Outcome(Map.of(), failedAt, failure);
    }

    /** Applies one customer event envelope; false when it was skipped (unknown type, already applied or superseded). */
    private boolean apply(JsonNode envelope, List<CustomerProfileChanged> announcements) throws IOException {
        String type = envelope.path("type").asText();
        if (!CREATED.equals(type) && !UPDATED.equals(type)) {
            log.debug("Skipping customer event type {} that this projection does not use", type);
            return false;
        }
        String tenantId = envelope.path("tenantId").asText();
        String customerId = envelope.path("subject").asText();
        long sequence = envelope.path("sequence").asLong(-1);
        JsonNode data = envelope.path("data");
        String at = data.hasNonNull("at") ? data.get("at").asText() : envelope.path("time").asText();
        String id = CustomerIndex.documentId(tenantId, customerId);
        index.ensureExists();
        for (int attempt = 1; ; attempt++) {
            GetResponse<ObjectNode> current = client.get(g -> g.index(CustomerIndex.ALIAS).id(id), ObjectNode.class);
            ObjectNode document = current.found() ? current.source()
                    : json.createObjectNode().put("tenantId", tenantId).put("customerId", customerId);
            if (document.path("lastSequence").asLong(-1) >= sequence) {
                announce(tenantId, customerId, document, announcements); // a redelivery: let the copies catch up if they did not
                return false;
            }
            PROFILE_FIELDS.forEach(field -> document.set(field, data.hasNonNull(field) ? data.get(field) : null));
            if (!document.hasNonNull("createdAt")) {
                document.put("createdAt", at);
            }
            document.put("updatedAt", at);
            document.put("lastSequence", sequence);
            try {
                if (current.found()) {
                    client.index(i -> i.index(CustomerIndex.ALIAS).id(id).document(document)
                            .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
                } else {
                    client.index(i -> i.index(CustomerIndex.ALIAS).id(id).document(document).opType(OpType.Create));
                }
            } catch (IOException | RuntimeException e) {
                if (isConflict(e) && attempt < ATTEMPTS) {
                    continue; // written meanwhile (its ticket figures, most likely): read again
                }
                throw e;
            }
            announce(tenantId, customerId, document, announcements);
            return true;
        }
    }

    private static void announce(String tenantId, String customerId, JsonNode document,
                                 List<CustomerProfileChanged> announcements) {
        announcements.add(new CustomerProfileChanged(tenantId, customerId, text(document, "company"),
                text(document, "tier")));
    }

    private static String text(JsonNode document, String field) {
        return document.hasNonNull(field) ? document.get(field).asText() : null;
    }

    private static boolean isConflict(Throwable failure) {
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
