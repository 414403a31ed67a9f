package org.autocrm.query.sla;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code sla} copy ({@link SlaSummary}) on ticket and metrics documents current, although tickets and
 * their SLA arrive on two topics in any order. The same scheme as the customer copies
 * ({@code customers.CustomerFieldCopies}): a copy is rewritten at the version the document already has
 * ({@code external_gte}), so the next ticket event still applies and a copy raced by a newer ticket write is refused
 * rather than overwriting it; a view fills the copy whenever it writes and {@link #recheckAll rechecks} after, and
 * after each SLA batch {@link #propagate} rewrites the copies that differ. Either the recheck sees the new SLA, or the
 * SLA was written after it, and then the propagation's (realtime) read sees the ticket's write.
 *
 * <p>A rebuild need only fill the copies of its new index, not recheck them: the propagation writes through the
 * alias, to the old index, so it cannot race a write to the new one.
 */
@Component
public class SlaCopies {

    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final SlaIndex index;
    private final ObjectMapper json;

    SlaCopies(ElasticsearchClient client, SlaIndex index, ObjectMapper json) {
        this.client = client;
        this.index = index;
        this.json = json;
    }

    /** Sets the {@code sla} copy of every document (each has a {@code ticketId}) from the SLA index, in one read. */
    public void fillAll(Collection<ObjectNode> documents) throws IOException {
        Map<String, JsonNode> summaries = summariesOf(documents);
        for (ObjectNode document : documents) {
            document.set("sla", summaries.getOrDefault(document.path("ticketId").asText(), NullNode.instance));
        }
    }

    /**
     * After a view wrote {@code written} (by id, each carrying its {@code lastSequence}): rewrites, at the same
     * version, those whose SLA changed meanwhile.
     */
    public void recheckAll(String alias, Map<String, ObjectNode> written) throws IOException {
        if (written.isEmpty()) {
            return;
        }
        Map<String, JsonNode> summaries = summariesOf(written.values());
        Map<String, ObjectNode> stale = new HashMap<>();
        written.forEach((id, document) -> {
            JsonNode now = summaries.getOrDefault(document.path("ticketId").asText(), NullNode.instance);
            if (!Objects.equals(document.path("sla"), now)) {
                document.set("sla", now);
                stale.put(id, document);
            }
        });
        rewrite(alias, stale);
    }

    /** Brings the copies of the changed tickets' documents in {@code alias} (id = ticket id) up to date. */
    public void propagate(String alias, SlaSummariesChanged batch) throws IOException {
        if (batch.changes().isEmpty()) {
            return;
        }
        Map<String, JsonNode> summaries = new HashMap<>();
        batch.changes().forEach(change -> summaries.put(change.ticketId(), summaryJson(change.summary())));
        MgetResponse<ObjectNode> response = client.mget(m -> m.index(alias).ids(List.copyOf(summaries.keySet())),
                ObjectNode.class);
        Map<String, ObjectNode> stale = new HashMap<>();
        for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
            if (item.isFailure() || !item.result().found() || item.result().source() == null) {
                continue; // not written yet: the view fills the copy when it writes the ticket
            }
            ObjectNode document = item.result().source();
            JsonNode now = summaries.get(item.result().id());
            if (!Objects.equals(document.path("sla"), now)) {
                document.set("sla", now);
                stale.put(item.result().id(), document);
            }
        }
        rewrite(alias, stale);
    }

    /** The summaries of those documents' tickets that have an SLA, by ticket id. */
    private Map<String, JsonNode> summariesOf(Collection<ObjectNode> documents) throws IOException {
        Map<String, JsonNode> summaries = new HashMap<>();
        List<String> ids = documents.stream().map(d -> d.path("ticketId").asText()).filter(id -> !id.isBlank())
                .distinct().toList();
        if (ids.isEmpty()) {
            return summaries;
        }
        index.ensureExists();
        MgetResponse<ObjectNode> response = client.mget(m -> m.index(SlaIndex.ALIAS).ids(ids), ObjectNode.class);
        for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException("Could not read the SLA of " + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
            if (item.result().found() && item.result().source() != null) {
                summaries.put(item.result().id(), summaryJson(SlaSummary.of(item.result().source())));
            }
        }
        return summaries;
    }

    private JsonNode summaryJson(SlaSummary summary) {
        return summary == null ? NullNode.instance : json.valueToTree(summary);
    }

    private void rewrite(String alias, Map<String, ObjectNode> documents) throws IOException {
        if (documents.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(alias);
        documents.forEach((id, document) -> bulk.operations(o -> o.index(i -> i.id(id)
                .version(document.path("lastSequence").asLong() + 1).versionType(VersionType.ExternalGte)
                .document(document))));
        BulkResponse response = client.bulk(bulk.build());
        for (BulkResponseItem item : response.items()) {
            // a refused version: a newer write took the document on, and rechecks itself
            if (item.error() != null && item.status() != CONFLICT) {
                throw new IOException("Could not copy the SLA onto " + alias + " " + item.id() + ": "
                        + item.error().reason());
            }
        }
    }
}
