package org.autocrm.query.ticketsearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An index made by an earlier version of the service gains the fields added to the mapping since. */
class TicketIndexIT extends ReadSideIntegration {

    @Test
    void theCurrentMappingCanBeAddedToAnExistingIndex() throws Exception {
        TicketIndex index = new TicketIndex(elasticsearch);
        index.ensureExists();

        assertThat(index.addNewFields()).isTrue();
        assertThat(elasticsearch.indices().getMapping(m -> m.index(TicketIndex.INDEX)).get(TicketIndex.INDEX)
                .mappings().properties()).containsKeys("priorityRank", "publicText", "internalText", "adminText");
    }
}
