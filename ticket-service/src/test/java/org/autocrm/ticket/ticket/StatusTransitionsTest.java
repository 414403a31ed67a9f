package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.autocrm.events.TicketStatus.CLOSED;
import static org.autocrm.events.TicketStatus.IN_PROGRESS;
import static org.autocrm.events.TicketStatus.OPEN;
import static org.autocrm.events.TicketStatus.PENDING;
import static org.autocrm.events.TicketStatus.RESOLVED;

import org.autocrm.events.Actor;
import org.autocrm.ticket.refusal.Refused;
import org.junit.jupiter.api.Test;

class StatusTransitionsTest {

    private static final Actor SARAH = new Actor("sarah", "customer");
    private static final Actor MARIA = new Actor("maria", "agent");

    @Test
    void aCustomersReplyReopensAPendingOrResolvedTicketOnly() {
        assertThat(StatusTransitions.afterMessage(PENDING, SARAH))
                .contains(new StatusTransitions.Change(PENDING, OPEN, StatusChangeReason.CUSTOMER_REPLY));
        assertThat(StatusTransitions.afterMessage(RESOLVED, SARAH)).map(StatusTransitions.Change::to).contains(OPEN);
        assertThat(StatusTransitions.afterMessage(IN_PROGRESS, SARAH)).isEmpty();
        assertThat(StatusTransitions.afterMessage(PENDING, MARIA)).isEmpty();
    }

    @Test
    void aMergeClosesTheSource() {
        assertThat(StatusTransitions.mergedAway(IN_PROGRESS))
                .isEqualTo(new StatusTransitions.Change(IN_PROGRESS, CLOSED, StatusChangeReason.MERGED));
    }

    @Test
    void aManualMoveFollowsTheAllowedMovesAndResolvingNeedsASummary() {
        assertThat(StatusTransitions.manual(7, OPEN, OPEN, null)).isEmpty();
        assertThat(StatusTransitions.manual(7, OPEN, RESOLVED, "fixed")).map(StatusTransitions.Change::reason)
                .contains(StatusChangeReason.MANUAL);
        assertThatThrownBy(() -> StatusTransitions.manual(7, OPEN, RESOLVED, " "))
                .isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(TicketRule.RESOLUTION_SUMMARY_REQUIRED));
        assertThatThrownBy(() -> StatusTransitions.manual(7, CLOSED, OPEN, null))
                .isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(TicketRule.ILLEGAL_TRANSITION))
                .hasMessage("Ticket #7 cannot go from CLOSED to OPEN; allowed: none, it is final");
    }

    @Test
    void statusChangeReasonsKeepTheirWireNames() {
        assertThat(StatusChangeReason.CUSTOMER_REPLY.wireName()).isEqualTo("customer_reply");
        assertThat(Visibility.fromWireName("admin_only")).contains(Visibility.ADMIN_ONLY);
        assertThat(ThreadKind.fromWireName("external")).contains(ThreadKind.EXTERNAL);
        assertThat(Visibility.fromWireName("secret")).isEmpty();
    }
}
