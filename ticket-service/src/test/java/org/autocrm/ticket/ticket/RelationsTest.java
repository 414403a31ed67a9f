package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelationsTest {

    @Test
    void aLinkThatNamesNoRelationIsRelated() {
        assertThat(Relations.linkRelation("t-1", "t-2", null)).isEqualTo("related");
        assertThat(Relations.linkRelation("t-1", "t-2", "duplicate_of")).isEqualTo("duplicate_of");
    }
}
