package org.autocrm.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.query.ticketsearch.TicketDocument;
import org.junit.jupiter.api.Test;

/** What a replica can replay to a client that resumes, and when it has to tell it to reload. */
class TenantStreamsTest {

    private static final Map<Integer, Long> STARTED_AT = Map.of(0, 100L, 1, 50L);
    private final TenantStreams tenant = new TenantStreams();

    @Test
    void aClientResumingAfterWhatTheReplicaHasKeptGetsTheEventsSince() {
        tenant.add(change(0, 100), 3);
        tenant.add(change(1, 60), 3);
        tenant.add(change(0, 104), 3);

        Position resume = Position.parse("101.50");

        assertThat(tenant.holdsAllAfter(resume, STARTED_AT)).isTrue();
        assertThat(tenant.after(resume)).extracting(TicketChange::offset).containsExactly(60L, 104L);
    }

    @Test
    void aClientFromBeforeTheReplicaStartedOrBeforeWhatItDroppedMustReload() {
        assertThat(tenant.holdsAllAfter(Position.parse("99.50"), STARTED_AT)).isFalse();
        assertThat(tenant.holdsAllAfter(Position.parse("100"), STARTED_AT)).isFalse(); // partition 1 unknown to it

        tenant.add(change(0, 100), 1);
        tenant.add(change(0, 110), 1); // drops the one at 100

        assertThat(tenant.holdsAllAfter(Position.parse("100.50"), STARTED_AT)).isFalse();
        assertThat(tenant.holdsAllAfter(Position.parse("101.50"), STARTED_AT)).isTrue();
    }

    @Test
    void eventsOlderThanTheReplayWindowAreDropped() {
        tenant.add(change(0, 100, Instant.parse("2026-12-07T10:00:00Z")), 10);
        tenant.add(change(0, 101, Instant.parse("2026-12-07T10:06:00Z")), 10);

        tenant.dropOlderThan(Instant.parse("2026-12-07T10:05:00Z"));

        assertThat(tenant.after(Position.parse("0.0"))).extracting(TicketChange::offset).containsExactly(101L);
        assertThat(tenant.holdsAllAfter(Position.parse("100.50"), STARTED_AT)).isFalse();
    }

    private static TicketChange change(int partition, long offset) {
        return change(partition, offset, Instant.now());
    }

    private static TicketChange change(int partition, long offset, Instant received) {
        return new TicketChange(partition, offset, received, "e-" + offset, "autocrm.ticket.status_changed.v1",
                "acme", "t-1", 1, received, new TicketDocument.Person("alex", "agent"), List.of(), null, false, null,
                null, null);
    }
}
