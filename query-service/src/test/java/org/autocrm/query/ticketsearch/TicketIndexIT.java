package org.autocrm.query.ticketsearch;

import org.autocrm.query.EventStreamIntegration;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The ticket index is a versioned index behind its alias, with the mapping installed as a template; an index made
 * by an earlier version of the service gains the fields added to the mapping since.
 */
class TicketIndexIT extends EventStreamIntegration {

    @Test
    void theAliasPointsAtOneVersionedIndexMadeFromTheTemplate() throws Exception {
        TicketIndex index = new TicketIndex(elasticsearch);
        index.ensureExists();

        var behindAlias = index.versioned().currentIndices();
        assertThat(behindAlias).singleElement().asString().matches("tickets-v1-\\d{8}-\\d{9}");
        assertThat(elasticsearch.indices().getIndexTemplate(t -> t.name(TicketIndex.INDEX)).indexTemplates())
                .singleElement().satisfies(t -> assertThat(t.indexTemplate().indexPatterns()).containsExactly("tickets-v1-*"));
    }

    @Test
    void theCurrentMappingCanBeAddedToAnExistingIndex() throws Exception {
        TicketIndex index = new TicketIndex(elasticsearch);
        index.ensureExists();

        assertThat(index.addNewFields()).isTrue();
        String physical = index.versioned().currentIndices().iterator().next();
        assertThat(elasticsearch.indices().getMapping(m -> m.index(TicketIndex.ALIAS)).get(physical)
                .mappings().properties()).containsKeys("priorityRank", "publicText", "internalText", "adminText");
    }
}
