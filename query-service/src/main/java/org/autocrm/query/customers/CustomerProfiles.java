package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * LookUpCustomer, for views that copy the company and tier onto their documents. A read by id, so
 * it sees a profile as soon as it is written. A customer whose profile has not arrived yet is
 * {@link CustomerFields#UNKNOWN}; {@link CustomerProfileChanged} follows when it does.
 */
@Component
public class CustomerProfiles {

    private final ElasticsearchClient client;
    private final CustomerIndex index;

    CustomerProfiles(ElasticsearchClient client, CustomerIndex index) {
        this.client = client;
        this.index = index;
    }

    public CustomerFields fieldsOf(String tenantId, String customerId) throws IOException {
        if (customerId == null || customerId.isBlank()) {
            return CustomerFields.UNKNOWN;
        }
        index.ensureExists();
        JsonNode document = client.get(g -> g.index(CustomerIndex.ALIAS)
                .id(CustomerIndex.documentId(tenantId, customerId))
                .sourceIncludes("company", "tier", "lastSequence"), ObjectNode.class).source();
        if (document == null || !document.hasNonNull("lastSequence")) {
            return CustomerFields.UNKNOWN;
        }
        return new CustomerFields(text(document, "company"), text(document, "tier"));
    }

    /**
     * The fields of several customers in one realtime read, by {@link CustomerIndex#documentId}; a customer without a
     * profile yet is {@link CustomerFields#UNKNOWN}.
     */
    public Map<String, CustomerFields> fieldsOf(Collection<String> documentIds) throws IOException {
        Map<String, CustomerFields> fields = new HashMap<>();
        if (documentIds.isEmpty()) {
            return fields;
        }
        index.ensureExists();
        MgetResponse<ObjectNode> found = client.mget(m -> m.index(CustomerIndex.ALIAS).ids(List.copyOf(documentIds))
                .sourceIncludes("company", "tier", "lastSequence"), ObjectNode.class);
        for (MultiGetResponseItem<ObjectNode> item : found.docs()) {
            if (item.isFailure()) {
                throw new IOException("Could not read customer " + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
            JsonNode document = item.result().source();
            fields.put(item.result().id(), document == null || !document.hasNonNull("lastSequence")
                    ? CustomerFields.UNKNOWN : new CustomerFields(text(document, "company"), text(document, "tier")));
        }
        return fields;
    }

    private static String text(JsonNode document, String field) {
        return document.hasNonNull(field) ? document.get(field).asText() : null;
    }
}
