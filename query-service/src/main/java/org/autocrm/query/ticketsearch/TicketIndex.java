package org.autocrm.query.ticketsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.autocrm.query.projection.VersionedIndex;
import org.springframework.stereotype.Component;

/**
 * The ticket index: versioned physical indices ({@value #INDEX}-&lt;timestamp&gt;, mapping
 * {@code elasticsearch/tickets-v1.json}) behind the alias {@value #ALIAS} that all reads and writes use, so a
 * rebuild can fill a new one and swap the alias.
 */
@Component
class TicketIndex {

    static final String ALIAS = "tickets";
    /** The mapping's versioned name; physical index names start with it. */
    static final String INDEX = "tickets-v1";

    private final VersionedIndex index;

    TicketIndex(ElasticsearchClient client) {
        this.index = new VersionedIndex(client, ALIAS, INDEX);
    }

    VersionedIndex versioned() {
        return index;
    }

    /** Adds the fields added to the mapping since the index was created; false if it cannot (rebuild instead). */
    boolean addNewFields() throws IOException {
        return index.addNewFields();
    }

    /** Creates the index and alias if they do not exist yet; cheap once done. */
    void ensureExists() throws IOException {
        index.ensureExists();
    }
}
