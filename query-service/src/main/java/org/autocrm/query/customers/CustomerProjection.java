package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.elasticsearch.core.UpdateResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps one document per customer from the customer events. Idempotent and ordered per customer:
 * the profile is changed in Elasticsearch by one script that does nothing when the document
 * already holds this sequence or a later one. The ticket figures on the same document are written
 * separately ({@link CustomerStatistics}), so either may arrive first.
 */
@Component
class CustomerProjection {

    static final String CREATED = "autocrm.customer.created.v1";
    static final String UPDATED = "autocrm.customer.updated.v1";
    private static final Set<String> PROFILE_FIELDS = Set.of("name", "emails", "phone", "company", "tier",
            "language", "timeZone", "externalId");
    private static final Logger log = LoggerFactory.getLogger(CustomerProjection.class);
    private static final String APPLY_IF_NEWER = """
            if (ctx._source.lastSequence != null && ctx._source.lastSequence >= params.sequence) {
              ctx.op = 'noop';
            } else {
              for (entry in params.profile.entrySet()) { ctx._source[entry.getKey()] = entry.getValue(); }
              if (ctx._source.createdAt == null) { ctx._source.createdAt = params.at; }
              ctx._source.updatedAt = params.at;
              ctx._source.lastSequence = params.sequence;
            }
            """;

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

    /** Applies one customer event envelope; false when it was skipped (unknown type, already applied or superseded). */
    boolean apply(JsonNode envelope) throws IOException {
        String type = envelope.path("type").asText();
        if (!CREATED.equals(type) && !UPDATED.equals(type)) {
            log.debug("Skipping customer event type {} that this projection does not use", type);
            return false;
        }
        String tenantId = envelope.path("tenantId").asText();
        String customerId = envelope.path("subject").asText();
        long sequence = envelope.path("sequence").asLong(-1);
        JsonNode data = envelope.path("data");
        ObjectNode profile = json.createObjectNode();
        PROFILE_FIELDS.forEach(field -> profile.set(field, data.hasNonNull(field) ? data.get(field) : null));
        profile.put("tenantId", tenantId);
        profile.put("customerId", customerId);
        String at = data.hasNonNull("at") ? data.get("at").asText() : envelope.path("time").asText();
        index.ensureExists();
        ObjectNode upsert = json.createObjectNode().put("tenantId", tenantId).put("customerId", customerId);
        UpdateResponse<ObjectNode> response = client.update(u -> u.index(CustomerIndex.ALIAS)
                .id(CustomerIndex.documentId(tenantId, customerId))
                .script(s -> s.source(APPLY_IF_NEWER).params(Map.of(
                        "profile", JsonData.of(profile, client._jsonpMapper()),
                        "sequence", JsonData.of(sequence),
                        "at", JsonData.of(at))))
                .scriptedUpsert(true)
                .upsert(upsert)
                .retryOnConflict(10), ObjectNode.class);
        JsonNode now = client.get(g -> g.index(CustomerIndex.ALIAS).id(CustomerIndex.documentId(tenantId, customerId)),
                ObjectNode.class).source();
        if (now != null) {
            // also after a redelivery: whoever copies the profile catches up if an earlier attempt stopped half-way
            events.publishEvent(new CustomerProfileChanged(tenantId, customerId, text(now, "company"), text(now, "tier")));
        }
        return response.result() != Result.NoOp;
    }

    private static String text(JsonNode document, String field) {
        return document.hasNonNull(field) ? document.get(field).asText() : null;
    }
}
