package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * RecordCustomerTicketFigures: writes the ticket figures onto customer documents. The figures are
 * always recomputed in full from the ticket index by their caller, so writing them twice or late
 * is harmless; a customer whose profile has not arrived yet gets a document holding only them.
 */
@Component
public class CustomerStatistics {

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
}
