package org.autocrm.query.sla;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.autocrm.query.projection.VersionedIndex;
import org.springframework.stereotype.Component;

/**
 * The SLA index: one document per ticket with a policy (mapping {@code elasticsearch/ticket-sla-v1.json}), behind
 * the alias {@value #ALIAS}; the source the {@code sla} copies on ticket and metrics documents are made from.
 */
@Component
class SlaIndex {

    static final String ALIAS = "ticket-sla";
    static final String INDEX = "ticket-sla-v1";

    private final VersionedIndex index;

    SlaIndex(ElasticsearchClient client) {
        this.index = new VersionedIndex(client, ALIAS, INDEX);
    }

    VersionedIndex versioned() {
        return index;
    }

    void ensureExists() throws IOException {
        index.ensureExists();
    }
}
