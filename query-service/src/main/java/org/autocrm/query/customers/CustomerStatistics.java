package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * RecordCustomerTicketFigures: writes the ticket figures onto customer documents. The figures are
 * always recomputed in full from the ticket index by their caller, so writing them twice or late
 * is harmless; a customer whose profile has not arrived yet gets a document holding only them.
 */
@Component
public class CustomerStatistics {

    private static final int PAGE = 500;

    /** Receives a page of one tenant's customers. */
    @FunctionalInterface
    public interface TenantCustomers {
        void accept(String tenantId, List<String> customerIds) throws IOException;
    }

    private final ElasticsearchClient client;
    private final CustomerIndex index;
    private final ObjectMapper json;

    CustomerStatistics(ElasticsearchClient client, CustomerIndex index, ObjectMapper json) {
        this.client = client;
        this.index = index;
        this.json = json;
    }

    /** The figures of some customers of one tenant, by customer id. */
    public void record(String tenantId, Map<String, CustomerTicketFigures> figures) throws IOException {
        if (figures.isEmpty()) {
            return;
        }
        index.ensureExists();
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(CustomerIndex.ALIAS);
        figures.forEach((customerId, f) -> {
            ObjectNode partial = json.createObjectNode()
                    .put("tenantId", tenantId).put("customerId", customerId)
                    .put("ticketsTotal", f.total()).put("ticketsOpen", f.open());
            if (f.lastContactAt() == null) {
                partial.putNull("lastContactAt");
            } else {
                partial.put("lastContactAt", f.lastContactAt().toString());
            }
            bulk.operations(o -> o.update(u -> u.id(CustomerIndex.documentId(tenantId, customerId))
                    .retryOnConflict(10)
                    .action(a -> a.doc(partial).docAsUpsert(true))));
        });
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            throw new IOException("Could not record the ticket figures of some customers of " + tenantId + ": "
                    + response.items().stream().filter(i -> i.error() != null).findFirst()
                            .map(i -> i.error().reason()).orElse("unknown"));
        }
    }

    /**
     * Every customer with a profile in {@code index} (a rebuild's new one, whose documents lack the figures), at most
     * {@value #PAGE} at a time, one tenant per call, in tenant and customer id order. The index is refreshed first,
     * so everything written to it before is included.
     */
    public void everyCustomer(String index, TenantCustomers each) throws IOException {
        client.indices().refresh(r -> r.index(index));
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ObjectNode> page = client.search(s -> {
                s.index(index).size(PAGE)
                        .source(src -> src.filter(f -> f.includes("tenantId", "customerId")))
                        .query(q -> q.exists(e -> e.field("lastSequence")))
                        .sort(o -> o.field(f -> f.field("tenantId").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("customerId").order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, ObjectNode.class);
            List<Hit<ObjectNode>> hits = page.hits().hits();
            Map<String, List<String>> byTenant = new LinkedHashMap<>();
            for (Hit<ObjectNode> hit : hits) {
                if (hit.source() != null) {
                    byTenant.computeIfAbsent(hit.source().path("tenantId").asText(), t -> new ArrayList<>())
                            .add(hit.source().path("customerId").asText());
                }
            }
            for (Map.Entry<String, List<String>> tenant : byTenant.entrySet()) {
                each.accept(tenant.getKey(), tenant.getValue());
            }
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
