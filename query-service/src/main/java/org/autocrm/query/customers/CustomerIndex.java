package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.autocrm.query.projection.VersionedIndex;
import org.springframework.stereotype.Component;

/**
 * The customer index: versioned physical indices ({@value #INDEX}-&lt;timestamp&gt;, mapping
 * {@code elasticsearch/customers-v1.json}) behind the alias {@value #ALIAS} that all reads and writes use, so a
 * rebuild can fill a new one and swap the alias. One document per customer and tenant, id
 * {@code <tenantId>:<customerId>}, so equal customer ids of two tenants never meet.
 *
 * <p>Installs from before the versioned indices have the physical index {@value #INDEX} itself behind the alias; it
 * keeps serving (the alias exists, so only fields added since are put on it) until a rebuild replaces it.
 */
@Component
class CustomerIndex {

    static final String ALIAS = "customers";
    /** The mapping's versioned name; physical index names start with it. */
    static final String INDEX = "customers-v1";

    private final VersionedIndex index;

    CustomerIndex(ElasticsearchClient client) {
        this.index = new VersionedIndex(client, ALIAS, INDEX);
    }

    static String documentId(String tenantId, String customerId) {
        return tenantId + ":" + customerId;
    }

    VersionedIndex versioned() {
        return index;
    }

    /** Creates the first index and the alias if they do not exist yet; cheap once done. */
    void ensureExists() throws IOException {
        index.ensureExists();
    }
}
