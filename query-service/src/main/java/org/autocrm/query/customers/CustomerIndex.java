package org.autocrm.query.customers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The customer index: a versioned index ({@value #INDEX}) behind the alias {@value #ALIAS}. One
 * document per customer and tenant, id {@code <tenantId>:<customerId>}, so equal customer ids of
 * two tenants never meet.
 */
@Component
class CustomerIndex {

    static final String ALIAS = "customers";
    static final String INDEX = "customers-v1";

    private static final Logger log = LoggerFactory.getLogger(CustomerIndex.class);

    private final ElasticsearchClient client;
    private volatile boolean ready;

    CustomerIndex(ElasticsearchClient client) {
        this.client = client;
    }

    static String documentId(String tenantId, String customerId) {
        return tenantId + ":" + customerId;
    }

    /** Creates the index and alias if they do not exist yet; cheap once done. */
    void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            if (!client.indices().exists(e -> e.index(INDEX)).value()) {
                try (InputStream mapping = getClass().getResourceAsStream("/elasticsearch/" + INDEX + ".json")) {
                    client.indices().create(c -> c.index(INDEX).withJson(mapping)
                            .aliases(ALIAS, a -> a.isWriteIndex(true)));
                } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                    // another instance created it first
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
                log.info("Created Elasticsearch index {} with alias {}", INDEX, ALIAS);
            }
            ready = true;
        }
    }
}
