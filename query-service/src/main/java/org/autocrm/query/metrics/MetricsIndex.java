package org.autocrm.query.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ticket metrics index: a versioned index ({@value #INDEX}) behind the alias {@value #ALIAS}
 * that all reads and writes use, so a rebuild can fill a new version and swap the alias.
 */
@Component
class MetricsIndex {

    static final String ALIAS = "ticket-metrics";
    static final String INDEX = "ticket-metrics-v1";

    private static final Logger log = LoggerFactory.getLogger(MetricsIndex.class);

    private final ElasticsearchClient client;
    private volatile boolean ready;

    MetricsIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Fields added to the mapping since the index was created (the customer's tier) are added in place. */
    private void addNewFields() throws IOException {
        try (InputStream mapping = getClass().getResourceAsStream("/elasticsearch/" + INDEX + ".json")) {
            JsonNode mappings = new ObjectMapper().readTree(mapping).path("mappings");
            client.indices().putMapping(p -> p.index(INDEX)
                    .withJson(new ByteArrayInputStream(mappings.toString().getBytes(StandardCharsets.UTF_8))));
        } catch (ElasticsearchException e) {
            log.warn("Could not add new fields to {}; rebuild the index to use them: {}", INDEX, e.getMessage());
        }
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
                }
                log.info("Created Elasticsearch index {} with alias {}", INDEX, ALIAS);
            } else {
                addNewFields();
            }
            ready = true;
        }
    }
}
