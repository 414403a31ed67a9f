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
import org.autocrm.query.projection.ProjectionLag;
import org.autocrm.query.projection.Projections;
import org.springframework.stereotype.Component;

/**
 * Whether a projection's documents have reached given versions, and waiting until they have. Every projection keeps
 * on a subject's document (a ticket's, a customer's) the sequence of the last event it applied ({@code lastSequence}),
 * and every event of the subject advances it, so "lastSequence &gt;= N" means "includes the write that returned
 * version N". (For the ticket views it is also Elasticsearch's external version minus one.)
 *
 * <p>A subject the projection has no document of may be one not published yet or one that does not exist, and only
 * Kafka can tell which: once the projection has applied everything on the partition that carries the subject's
 * events ({@link ProjectionLag#caughtUp}) and still has no document of it, ticket-service has published nothing of
 * it. Nothing is published the instant a write is answered, though (ticket-service publishes from its event store
 * right after), so that question is asked only after a short grace: a read right after a ticket's creation still
 * finds it, and a read naming a ticket that does not exist is told so in about that grace, not after the whole wait.
 */
@Component
class ProjectionFreshness {

    private static final long POLL_MILLIS = 100;
    private static final String SEQUENCE = "lastSequence";

    private final ElasticsearchClient client;
    private final Projections projections;
    private final ProjectionLag lag;

    ProjectionFreshness(ElasticsearchClient client, Projections projections, ProjectionLag lag) {
        this.client = client;
        this.projections = projections;
        this.lag = lag;
    }

    /**
     * Waits until every ticket (or customer) is at its version (within the tenant, if given), woken by the live
     * listener and polling meanwhile; returns those not reached when the time is up (empty: all reached). From
     * {@code unknownAfter} on, and again every {@code unknownAfter}, it asks whether any of those not reached does
     * not exist (see the class comment), and if so stops waiting: {@link UnknownSubjects}.
     *
     * @param searchable whether the documents must also be visible to searches (after a refresh), not only by id
     */
    Set<String> await(Projection projection, String tenantId, Map<String, Long> versions, boolean searchable,
                      Duration timeout, Duration unknownAfter) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long askUnknown = start + unknownAfter.toNanos();
        Set<String> missing = notReached(projection, tenantId, versions, searchable);
        while (!missing.isEmpty()) {
            long now = System.nanoTime();
            if (now - askUnknown >= 0 && tenantId != null) {
                Set<String> unknown = unknown(projection, tenantId, missing, Duration.ofNanos(Math.max(0, deadline - now)));
                if (!unknown.isEmpty()) {
                    throw new UnknownSubjects(unknown);
                }
                askUnknown = System.nanoTime() + unknownAfter.toNanos();
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return missing;
            }
            projections.progress(projection).awaitNext(Math.min(left, POLL_MILLIS));
            missing = notReached(projection, tenantId, versions, searchable);
        }
        return missing;
    }

    /**
     * Of the subjects, those that do not exist in the tenant: their partition is caught up (asked first) and the
     * projection has no document of them in the tenant (asked after, by id, so no refresh is needed).
     */
    private Set<String> unknown(Projection projection, String tenantId, Set<String> subjects, Duration timeout)
            throws IOException {
        Set<String> caughtUp = lag.caughtUp(projection, subjects, Duration.ofMillis(Math.max(200, timeout.toMillis())));
        Map<String, String> subjectsById = new HashMap<>();
        for (String subject : caughtUp) {
            String id = projection.documentIds().of(tenantId, subject);
            if (id != null) {
                subjectsById.put(id, subject);
            }
        }
        if (subjectsById.isEmpty()) {
            return Set.of();
        }
        Set<String> unknown = new HashSet<>(subjectsById.values());
        MgetResponse<ObjectNode> found = client.mget(m -> m.index(projection.index().alias())
                .ids(List.copyOf(subjectsById.keySet())).sourceIncludes("tenantId"), ObjectNode.class);
        for (MultiGetResponseItem<ObjectNode> item : found.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null
                    && tenantId.equals(item.result().source().path("tenantId").asText(null))) {
                unknown.remove(subjectsById.get(item.result().id()));
            }
        }
        return unknown;
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
