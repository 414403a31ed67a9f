package org.autocrm.query.sla;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autocrm.query.projection.EventBatch;
import org.autocrm.query.projection.ProjectionProperties;
import org.autocrm.query.projection.RecentDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps one document per ticket from its SLA events: the policy and every target as the last
 * {@code clock_changed} said, a breach noticed since marked on its target, and the {@link SlaSummary} lists use.
 * Ordered and idempotent like the ticket view (external version = the SLA clock's sequence + 1). After each live
 * batch the views holding a copy are told ({@link SlaSummariesChanged}); a rebuild tells nobody, the copies were made
 * from the same events.
 */
@Component
class SlaProjection {

    private static final String CLOCK_CHANGED = "autocrm.sla.clock_changed.v1";
    private static final String BREACHED = "autocrm.sla.breached.v1";
    private static final String WARNING_REACHED = "autocrm.sla.warning_reached.v1";

    private final RecentDocuments recent;
    private final EventBatch batches;
    private final SlaIndex index;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    SlaProjection(ElasticsearchClient client, SlaIndex index, ObjectMapper json, ApplicationEventPublisher events,
                  ProjectionProperties properties) {
        this.recent = new RecentDocuments(properties.recentDocuments());
        this.batches = new EventBatch(client, recent);
        this.index = index;
        this.json = json;
        this.events = events;
    }

    RecentDocuments recent() {
        return recent;
    }

    /** A live poll, through the alias; the copies are brought up to date after it. */
    EventBatch.Outcome applyAll(List<JsonNode> envelopes) throws IOException {
        index.ensureExists();
        return batches.apply(envelopes, SlaIndex.ALIAS, fold, announcing);
    }

    /** One event into the given index (a rebuild names its new one). */
    void apply(JsonNode envelope, String target) throws IOException {
        index.ensureExists();
        batches.apply(List.of(envelope), target, fold, quiet).throwFailure();
    }

    private final EventBatch.Fold fold = new EventBatch.Fold() {
        @Override
        public String documentId(JsonNode envelope) {
            return envelope.path("type").asText().startsWith("autocrm.sla.") ? envelope.path("subject").asText() : null;
        }

        @Override
        public ObjectNode apply(JsonNode envelope, ObjectNode document) {
            String type = envelope.path("type").asText();
            JsonNode data = envelope.path("data");
            ObjectNode next;
            if (CLOCK_CHANGED.equals(type)) {
                next = json.createObjectNode();
                next.put("ticketId", envelope.path("subject").asText());
                next.put("tenantId", envelope.path("tenantId").asText());
                next.set("policyId", data.path("policyId"));
                next.set("policyName", data.path("policyName"));
                next.set("targets", data.path("targets"));
            } else if (document != null && (BREACHED.equals(type) || WARNING_REACHED.equals(type))) {
                next = document;
                markTarget(next, data, BREACHED.equals(type));
            } else {
                // a warning or breach before any clock: nothing to mark; the next clock_changed carries it
                return null;
            }
            next.set("updatedAt", data.path("at"));
            next.set("summary", json.valueToTree(SlaSummary.of(next)));
            return next;
        }
    };

    private static void markTarget(ObjectNode document, JsonNode event, boolean breach) {
        for (JsonNode target : document.path("targets")) {
            if (target instanceof ObjectNode state && state.path("metric").asText().equals(event.path("metric").asText())
                    && "active".equals(state.path("status").asText())) {
                if (breach) {
                    state.put("status", "breached");
                    state.set("breachedAt", event.path("at"));
                } else {
                    state.set("warnedAt", event.path("at"));
                }
            }
        }
    }

    private final EventBatch.Hooks quiet = new EventBatch.Hooks() { };

    private final EventBatch.Hooks announcing = new EventBatch.Hooks() {
        @Override
        public void afterWrite(String target, Map<String, ObjectNode> written) {
            List<SlaSummariesChanged.Change> changes = new ArrayList<>();
            written.forEach((ticketId, document) -> changes.add(new SlaSummariesChanged.Change(
                    document.path("tenantId").asText(), ticketId, SlaSummary.of(document))));
            if (!changes.isEmpty()) {
                events.publishEvent(new SlaSummariesChanged(changes));
            }
        }
    };
}
