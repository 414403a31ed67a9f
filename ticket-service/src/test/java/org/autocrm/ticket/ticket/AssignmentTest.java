package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.ticket.refusal.Refused;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static final Actor MARIA = new Actor("maria", "agent");
    private static final Actor LISA = new Actor("lisa", "team_lead");
    private static final Assignment TO_ALEX = new Assignment("alex", null);
    private static final Assignment TO_TECH = new Assignment(null, "tech");

    @Test
    void anAgentWorksOnTicketsOfTheirsOfTheirGroupsOrOfNobody() {
        assertThat(TO_ALEX.includes("alex", Set.of())).isTrue();
        assertThat(TO_ALEX.includes("maria", Set.of("tech"))).isFalse();
        assertThat(TO_TECH.includes("maria", Set.of("tech"))).isTrue();
        assertThat(TO_TECH.includes("maria", Set.of("billing"))).isFalse();
        assertThat(Assignment.NOBODY.includes("maria", Set.of())).isTrue();
    }

    @Test
    void assigningWhatTheTicketHasAlreadyChangesNothing() {
        assertThat(TO_ALEX.change("alex", null, LISA)).isEmpty();
        assertThat(TO_ALEX.change(null, "tech", LISA)).contains(TO_TECH);
        assertThat(Assignment.NOBODY.change("maria", null, MARIA)).contains(new Assignment("maria", null));
    }

    @Test
    void unassigningANobodysTicketChangesNothingAndOnlyALeadGivesBackSomeoneElses() {
        assertThat(Assignment.NOBODY.unassign(MARIA)).isFalse();
        assertThat(new Assignment("maria", null).unassign(MARIA)).isTrue();
        assertThat(TO_ALEX.unassign(LISA)).isTrue();
        assertThatThrownBy(() -> TO_ALEX.unassign(MARIA))
                .isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(TicketRule.NOT_PERMITTED));
    }

    @Test
    void escalatingHandsTheTicketToANewGroupOnly() {
        assertThat(TO_ALEX.escalatedTo("tier-2")).contains(new Assignment(null, "tier-2"));
        assertThat(new Assignment(null, "tier-2").escalatedTo("tier-2")).isEmpty();
        assertThat(TO_ALEX.escalatedTo(null)).isEmpty();
        assertThat(Assignment.escalationReason("  Needs database access ")).isEqualTo("Needs database access");
    }
}
