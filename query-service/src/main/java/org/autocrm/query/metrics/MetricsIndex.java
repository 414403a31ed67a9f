package org.autocrm.query.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.autocrm.query.projection.VersionedIndex;
import org.springframework.stereotype.Component;

/**
 * The ticket metrics index: versioned physical indices ({@value #INDEX}-&lt;timestamp&gt;) behind the alias
 * {@value #ALIAS} that all reads and writes use, so a rebuild can fill a new one and swap the alias.
 */
@Component
class MetricsIndex {

    static final String ALIAS = "ticket-metrics";
    static final String INDEX = "ticket-metrics-v1";

    private final VersionedIndex index;

    MetricsIndex(ElasticsearchClient client) {
        this.index = new VersionedIndex(client, ALIAS, INDEX);
    }

    VersionedIndex versioned() {
        return index;
    }

    /** Creates the index and alias if they do not exist yet; cheap once done. */
    void ensureExists() throws IOException {
        index.ensureExists();
    }
}
