package org.autocrm.query.readafter;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.query.projection.Projection;
import org.autocrm.query.projection.Projections;
import org.springframework.stereotype.Component;

/**
 * Whether a projection's documents have reached given versions, and waiting until they have. Every projection
 * writes a ticket's document with Elasticsearch's external version = last applied sequence + 1, and every event of
 * the ticket advances it, so "version &gt;= N + 1" means "includes the write that returned version N".
 */
@Component
class ProjectionFreshness {

    private static final long POLL_MILLIS = 100;

    private final ElasticsearchClient client;
    private final Projections projections;

    ProjectionFreshness(ElasticsearchClient client, Projections projections) {
        this.client = client;
        this.projections = projections;
    }

    /**
     * Waits until every ticket is at its version (within the tenant, if given), woken by the live listener and
     * polling meanwhile; returns the tickets not reached when the time is up (empty: all reached).
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
        String alias = projection.index().alias();
        if (searchable) {
            SearchResponse<Void> found = client.search(s -> s.index(alias).size(versions.size()).version(true)
                    .source(src -> src.fetch(false))
                    .query(q -> q.bool(b -> {
                        b.filter(f -> f.ids(i -> i.values(List.copyOf(versions.keySet()))));
                        if (tenantId != null) {
                            b.filter(f -> f.term(t -> t.field("tenantId").value(tenantId)));
                        }
                        return b;
                    })), Void.class);
            for (Hit<Void> hit : found.hits().hits()) {
                if (hit.version() != null && hit.version() - 1 >= versions.get(hit.id())) {
                    missing.remove(hit.id());
                }
            }
            return missing;
        }
        MgetResponse<Map> found = client.mget(m -> m.index(alias).ids(List.copyOf(versions.keySet()))
                .sourceIncludes("tenantId"), Map.class);
        for (MultiGetResponseItem<Map> item : found.docs()) {
            if (item.isResult() && item.result().found() && item.result().version() != null
                    && item.result().version() - 1 >= versions.get(item.result().id())
                    && (tenantId == null || item.result().source() != null
                            && tenantId.equals(item.result().source().get("tenantId")))) {
                missing.remove(item.result().id());
            }
        }
        return missing;
    }
}
