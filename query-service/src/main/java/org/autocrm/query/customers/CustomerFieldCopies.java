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
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *   <li>after each batch of customer events, {@link #propagate} refreshes the view's index and rewrites
 *       those customers' documents whose copy differs.</li>
 * </ul>
 * Either the recheck sees the new profile, or the profile was written after the ticket, so the
 * propagation's search sees the ticket.
 */
@Component
public class CustomerFieldCopies {

    private static final Logger log = LoggerFactory.getLogger(CustomerFieldCopies.class);
    private static final int CONFLICT = 409;
    private static final int PAGE = 500;
    private static final int CUSTOMERS_PER_SEARCH = 500;

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

    /** {@link #fill} for many documents (the view's batch) with one read of the profiles. */
    public void fillAll(Collection<ObjectNode> documents) throws IOException {
        Map<String, CustomerFields> fields = profiles.fieldsOf(customersOf(documents));
        for (ObjectNode document : documents) {
            copy(fields.getOrDefault(customerOf(document), CustomerFields.UNKNOWN), document);
        }
    }

    /**
     * {@link #recheck} for a view's batch: {@code written} by id, each document carrying its {@code lastSequence}.
     * The profiles are read once and the documents whose copy is stale are rewritten in one bulk request.
     */
    public void recheckAll(String alias, Map<String, ObjectNode> written) throws IOException {
        if (written.isEmpty()) {
            return;
        }
        Map<String, CustomerFields> fields = profiles.fieldsOf(customersOf(written.values()));
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(alias);
        int stale = 0;
        for (Map.Entry<String, ObjectNode> entry : written.entrySet()) {
            ObjectNode document = entry.getValue();
            CustomerFields now = fields.getOrDefault(customerOf(document), CustomerFields.UNKNOWN);
            if (now.sameAs(text(document, "company"), text(document, "tier"))) {
                continue;
            }
            copy(now, document);
            long version = document.path("lastSequence").asLong() + 1;
            bulk.operations(o -> o.index(i -> i.id(entry.getKey()).version(version)
                    .versionType(VersionType.ExternalGte).document(document)));
            stale++;
        }
        if (stale > 0) {
            checked(alias, client.bulk(bulk.build()));
        }
    }

    private static Set<String> customersOf(Collection<ObjectNode> documents) {
        Set<String> ids = new HashSet<>();
        for (ObjectNode document : documents) {
            String id = customerOf(document);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String customerOf(JsonNode document) {
        String customerId = text(document, "customerId");
        return customerId == null || customerId.isBlank() ? null
                : CustomerIndex.documentId(document.path("tenantId").asText(), customerId);
    }

    /**
     * Brings the copy on every document of these customers in the view's index up to date: one refresh for the
     * batch, then the customers' documents searched a few hundred customers at a time.
     */
    public void propagate(String alias, List<CustomerProfileChanged> changes) throws IOException {
        if (changes.isEmpty()) {
            return;
        }
        // the last announcement of a customer in the batch is their current profile
        Map<String, Map<String, CustomerFields>> byTenant = new LinkedHashMap<>();
        for (CustomerProfileChanged change : changes) {
            byTenant.computeIfAbsent(change.tenantId(), t -> new LinkedHashMap<>())
                    .put(change.customerId(), new CustomerFields(change.company(), change.tier()));
        }
        client.indices().refresh(r -> r.index(alias));
        for (Map.Entry<String, Map<String, CustomerFields>> tenant : byTenant.entrySet()) {
            List<String> customers = List.copyOf(tenant.getValue().keySet());
            for (int from = 0; from < customers.size(); from += CUSTOMERS_PER_SEARCH) {
                List<String> chunk = customers.subList(from, Math.min(customers.size(), from + CUSTOMERS_PER_SEARCH));
                propagate(alias, tenant.getKey(), chunk, tenant.getValue());
            }
        }
    }

    private void propagate(String alias, String tenantId, List<String> customerIds, Map<String, CustomerFields> fields)
            throws IOException {
        List<FieldValue> customers = customerIds.stream().map(FieldValue::of).toList();
        FieldValue after = null;
        while (true) {
            FieldValue from = after;
            SearchResponse<ObjectNode> page = client.search(s -> {
                s.index(alias).size(PAGE).version(true)
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.term(t -> t.field("tenantId").value(tenantId)))
                                .filter(f -> f.terms(t -> t.field("customerId").terms(v -> v.value(customers))))))
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

    private void rewriteStale(String alias, Map<String, CustomerFields> fieldsByCustomer, List<Hit<ObjectNode>> hits)
            throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(alias);
        int stale = 0;
        for (Hit<ObjectNode> hit : hits) {
            ObjectNode document = hit.source();
            if (document == null || hit.version() == null) {
                continue;
            }
            CustomerFields fields = fieldsByCustomer.get(text(document, "customerId"));
            if (fields == null || fields.sameAs(text(document, "company"), text(document, "tier"))) {
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
        checked(alias, client.bulk(bulk.build()));
    }

    /** A refused version means a newer write took the document on (and rechecks itself); anything else is an error. */
    private static void checked(String alias, BulkResponse response) throws IOException {
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
