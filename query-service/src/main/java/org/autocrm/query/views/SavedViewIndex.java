package org.autocrm.query.views;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The saved-view index ({@value #INDEX} behind the alias {@value #ALIAS}); query-service's own data, not a projection. */
@Component
class SavedViewIndex {

    static final String ALIAS = "saved-views";
    static final String INDEX = "saved-views-v1";

    private static final Logger log = LoggerFactory.getLogger(SavedViewIndex.class);

    private final ElasticsearchClient client;
    private volatile boolean ready;

    SavedViewIndex(ElasticsearchClient client) {
        this.client = client;
    }

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
                    log.info("Created Elasticsearch index {} with alias {}", INDEX, ALIAS);
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            ready = true;
        }
    }
}
