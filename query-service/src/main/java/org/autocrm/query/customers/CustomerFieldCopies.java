package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the copy of a customer's company and tier on the documents of other views (tickets,
 * ticket metrics) current, although tickets and customers arrive on two topics in any order.
 *
 * <p>Those documents are written with Elasticsearch's external version = event sequence + 1. A
 * copy is therefore rewritten at the version the document already has ({@code external_gte}), so
 * the next ticket event still applies, and a copy raced by a newer ticket event is refused rather
 * than overwriting it. Correct in every order because both sides check after they write:
 * <ul>
 *   <li>a view fills the copy when it writes a new document and, after each write,
 *       {@link #recheck rechecks} the profile and rewrites if it changed meanwhile;</li>
 *   <li>after each customer event, {@link #propagate} refreshes the view's index and rewrites
 *       that customer's documents whose copy differs.</li>
 * </ul>
 * Either the recheck sees the new profile, or the profile was written after the ticket, so the
 * propagation's search sees the ticket.
 */
@Component
public class CustomerFieldCopies {

    private static final Logger log = LoggerFactory.getLogger(CustomerFieldCopies.class);
    private static final int CONFLICT = 409;
    private static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final CustomerProfiles profiles;

    CustomerFieldCopies(ElasticsearchClient client, CustomerProfiles profiles) {
        this.client = client;
        this.profiles = profiles;
    }

    /** Sets {@code company} and {@code tier} of a document that has {@code tenantId} and {@code customerId}. */
    public void fill(ObjectNode document) throws IOException {
        CustomerFields fields = profiles.fieldsOf(document.path("tenantId").asText(), text(document, "customerId"));
        copy(fields, document);
    }

    /**
     * After a view wrote a document at {@code sequence}: if the profile changed meanwhile, writes the
     * document again with the new copy at the same version. A newer write in between wins (and
     * rechecks itself).
     */
    public void recheck(String alias, String id, long sequence, ObjectNode written) throws IOException {
        CustomerFields now = profiles.fieldsOf(written.path("tenantId").asText(), text(written, "customerId"));
        if (now.sameAs(text(written, "company"), text(written, "tier"))) {
            return;
        }
        copy(now, written);
        try {
            client.index(i -> i.index(alias).id(id).version(sequence + 1).versionType(VersionType.ExternalGte)
                    .document(written));
        } catch (IOException | RuntimeException e) {
            if (!isConflict(e)) {
                throw e;
            }
            log.debug("{} {} moved on while its customer copy was rewritten; the newer write rechecks", alias, id);
        }
    }

    /** Brings the copy on every document of that customer in the view's index up to date. */
    public void propagate(String alias, CustomerProfileChanged change) throws IOException {
        CustomerFields fields = new CustomerFields(change.company(), change.tier());
        client.indices().refresh(r -> r.index(alias));
        FieldValue after = null;
        while (true) {
            FieldValue from = after;
            SearchResponse<ObjectNode> page = client.search(s -> {
                s.index(alias).size(PAGE).version(true)
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.term(t -> t.field("tenantId").value(change.tenantId())))
                                .filter(f -> f.term(t -> t.field("customerId").value(change.customerId())))))
                        .sort(o -> o.field(f -> f.field("ticketId").order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, ObjectNode.class);
            List<Hit<ObjectNode>> hits = page.hits().hits();
            rewriteStale(alias, fields, hits);
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort().get(0);
        }
    }

    private void rewriteStale(String alias, CustomerFields fields, List<Hit<ObjectNode>> hits) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(alias);
        int stale = 0;
        for (Hit<ObjectNode> hit : hits) {
            ObjectNode document = hit.source();
            if (document == null || hit.version() == null
                    || fields.sameAs(text(document, "company"), text(document, "tier"))) {
                continue;
            }
            copy(fields, document);
            long version = hit.version();
            bulk.operations(o -> o.index(i -> i.id(hit.id()).version(version).versionType(VersionType.ExternalGte)
                    .document(document)));
            stale++;
        }
        if (stale == 0) {
            return;
        }
        BulkResponse response = client.bulk(bulk.build());
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != CONFLICT) {
                throw new IOException("Could not copy a customer's company and tier onto " + alias + " " + item.id()
                        + ": " + item.error().reason());
            }
        }
    }

    private static void copy(CustomerFields fields, ObjectNode document) {
        document.put("company", fields.company());
        document.put("tier", fields.tier());
    }

    private static String text(JsonNode document, String field) {
        return document.hasNonNull(field) ? document.get(field).asText() : null;
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException es && es.status() == CONFLICT
                    || cause instanceof co.elastic.clients.transport.TransportException t && t.statusCode() == CONFLICT
                    || cause instanceof org.elasticsearch.client.ResponseException r
                            && r.getResponse().getStatusLine().getStatusCode() == CONFLICT) {
                return true;
            }
        }
        return false;
    }
}
