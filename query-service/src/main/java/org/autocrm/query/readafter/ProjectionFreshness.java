package org.autocrm.query.readafter;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.query.projection.Projection;
import org.autocrm.query.projection.Projections;
import org.springframework.stereotype.Component;

/**
 * Whether a projection's documents have reached given versions, and waiting until they have. Every projection keeps
 * on a subject's document (a ticket's, a customer's) the sequence of the last event it applied ({@code lastSequence}),
 * and every event of the subject advances it, so "lastSequence &gt;= N" means "includes the write that returned
 * version N". (For the ticket views it is also Elasticsearch's external version minus one.)
 */
@Component
class ProjectionFreshness {

    private static final long POLL_MILLIS = 100;
    private static final String SEQUENCE = "lastSequence";

    private final ElasticsearchClient client;
    private final Projections projections;

    ProjectionFreshness(ElasticsearchClient client, Projections projections) {
        this.client = client;
        this.projections = projections;
    }

    /**
     * Waits until every ticket (or customer) is at its version (within the tenant, if given), woken by the live
     * listener and polling meanwhile; returns those not reached when the time is up (empty: all reached).
     *
     * @param searchable whether the documents must also be visible to searches (after a refresh), not only by id
     */
    Set<String> await(Projection projection, String tenantId, Map<String, Long> versions, boolean searchable,
                      Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = notReached(projection, tenantId, versions, searchable);
        while (!missing.isEmpty()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return missing;
            }
            projections.progress(projection).awaitNext(Math.min(left, POLL_MILLIS));
            missing = notReached(projection, tenantId, versions, searchable);
        }
        return missing;
    }

    private Set<String> notReached(Projection projection, String tenantId, Map<String, Long> versions,
                                   boolean searchable) throws IOException {
        Set<String> missing = new HashSet<>(versions.keySet());
        Map<String, String> subjects = new HashMap<>(); // document id -> the ticket or customer the reader named
        for (String subject : versions.keySet()) {
            String id = projection.documentIds().of(tenantId, subject);
            if (id != null) {
                subjects.put(id, subject);
            }
        }
        if (subjects.isEmpty()) {
            return missing;
        }
        String alias = projection.index().alias();
        if (searchable) {
            SearchResponse<ObjectNode> found = client.search(s -> s.index(alias).size(subjects.size())
                    .source(src -> src.filter(f -> f.includes(SEQUENCE)))
                    .query(q -> q.bool(b -> {
                        b.filter(f -> f.ids(i -> i.values(List.copyOf(subjects.keySet()))));
                        if (tenantId != null) {
                            b.filter(f -> f.term(t -> t.field("tenantId").value(tenantId)));
                        }
                        return b;
                    })), ObjectNode.class);
            for (Hit<ObjectNode> hit : found.hits().hits()) {
                String subject = subjects.get(hit.id());
                if (subject != null && reached(hit.source(), versions.get(subject))) {
                    missing.remove(subject);
                }
            }
            return missing;
        }
        MgetResponse<ObjectNode> found = client.mget(m -> m.index(alias).ids(List.copyOf(subjects.keySet()))
                .sourceIncludes(SEQUENCE, "tenantId"), ObjectNode.class);
        for (MultiGetResponseItem<ObjectNode> item : found.docs()) {
            if (!item.isResult() || !item.result().found() || item.result().source() == null) {
                continue;
            }
            ObjectNode source = item.result().source();
            String subject = subjects.get(item.result().id());
            if (subject != null && reached(source, versions.get(subject))
                    && (tenantId == null || tenantId.equals(source.path("tenantId").asText(null)))) {
                missing.remove(subject);
            }
        }
        return missing;
    }

    private static boolean reached(ObjectNode document, long version) {
        return document != null && document.path(SEQUENCE).asLong(-1) >= version;
    }
}
