package org.autocrm.query.ticketsearch;

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
 * The ticket index: a versioned index ({@value #INDEX}) behind the alias {@value #ALIAS} that all
 * reads and writes use, so a rebuild can fill a new version and swap the alias.
 */
@Component
class TicketIndex {

    static final String ALIAS = "tickets";
    static final String INDEX = "tickets-v1";

    private static final Logger log = LoggerFactory.getLogger(TicketIndex.class);

    private final ElasticsearchClient client;
    private volatile boolean ready;

    TicketIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Fields added to the mapping since the index was created are added to it (adding is all
     * Elasticsearch allows in place); documents written before only gain them when rebuilt.
     */
    boolean addNewFields() throws IOException {
        try (InputStream mapping = getClass().getResourceAsStream("/elasticsearch/tickets-v1.json")) {
            JsonNode mappings = new ObjectMapper().readTree(mapping).path("mappings");
            client.indices().putMapping(p -> p.index(INDEX)
                    .withJson(new ByteArrayInputStream(mappings.toString().getBytes(StandardCharsets.UTF_8))));
            return true;
        } catch (ElasticsearchException e) {
            // a field whose type changed cannot be updated in place: reads still work, a rebuild is due
            log.warn("Could not add new fields to {}; rebuild the index to use them: {}", INDEX, e.getMessage());
            return false;
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
                try (InputStream mapping = getClass().getResourceAsStream("/elasticsearch/tickets-v1.json")) {
                    client.indices().create(c -> c.index(INDEX).withJson(mapping).aliases(ALIAS, a -> a.isWriteIndex(true)));
                }
                log.info("Created Elasticsearch index {} with alias {}", INDEX, ALIAS);
            } else {
                addNewFields();
            }
            ready = true;
        }
    }
}
