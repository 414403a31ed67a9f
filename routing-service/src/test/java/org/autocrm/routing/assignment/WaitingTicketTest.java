package org.autocrm.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitingTicketTest {

    private static final int LOW = 0;
    private static final int NORMAL = 1;
    private static final int URGENT = 3;

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + ":00Z");
    }

    @Test
    void offersSlaDueFirstThenHigherPriorityThenOlder() {
        List<WaitingTicket> waiting = List.of(
                new WaitingTicket("old-low", null, LOW, at("07:00")),
                new WaitingTicket("new-urgent", null, URGENT, at("09:50")),
                new WaitingTicket("due-late", at("12:00"), LOW, at("09:00")),
                new WaitingTicket("due-soon", at("10:30"), NORMAL, at("09:40")),
                new WaitingTicket("older-urgent", null, URGENT, at("08:00")),
                new WaitingTicket("old-normal", null, NORMAL, at("06:00")));

        assertThat(waiting.stream().sorted(WaitingTicket.OFFER_ORDER).map(WaitingTicket::ticketId)).containsExactly(
                "due-soon", "due-late", "older-urgent", "new-urgent", "old-normal", "old-low");
    }

    @Test
    void anEqualSlaDueTimeFallsBackToPriorityAndAge() {
        List<WaitingTicket> waiting = List.of(
                new WaitingTicket("b", at("11:00"), NORMAL, at("08:00")),
                new WaitingTicket("a", at("11:00"), URGENT, at("09:00")),
                new WaitingTicket("c", at("11:00"), NORMAL, at("07:00")));

        assertThat(waiting.stream().sorted(WaitingTicket.OFFER_ORDER).map(WaitingTicket::ticketId))
                .containsExactly("a", "c", "b");
    }
}
