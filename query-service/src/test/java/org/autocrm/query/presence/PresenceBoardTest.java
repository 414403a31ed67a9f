package org.autocrm.query.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who is on a ticket, as every replica's board follows the presence topic. */
class PresenceBoardTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final PresenceBoard board = new PresenceBoard();

    @Test
    void comingChangingStateAndLeavingAreToldButRefreshesAreNot() {
        assertThat(board.apply(record("alex", "viewing", T0), T0)).hasValueSatisfying(change ->
                assertThat(change.event().state()).isEqualTo("viewing"));
        assertThat(board.apply(record("alex", "viewing", T0.plusSeconds(10)), T0.plusSeconds(10))).isEmpty();
        assertThat(board.apply(record("alex", "typing", T0.plusSeconds(12)), T0.plusSeconds(12)))
                .hasValueSatisfying(change -> assertThat(change.event().since()).isEqualTo(T0.plusSeconds(12)));
        assertThat(board.on("acme", "t-1", T0.plusSeconds(13))).singleElement().satisfies(presence -> {
            assertThat(presence.state()).isEqualTo("typing");
            assertThat(presence.name()).isEqualTo("Alex");
        });

        assertThat(board.apply(record("alex", "left", T0.plusSeconds(14)), T0.plusSeconds(14))).hasValueSatisfying(
                change -> assertThat(change.event().state()).isEqualTo("left"));
        assertThat(board.on("acme", "t-1", T0.plusSeconds(14))).isEmpty();
        assertThat(board.apply(record("alex", "left", T0.plusSeconds(15)), T0.plusSeconds(15))).isEmpty();
    }

    @Test
    void aPresenceNotRefreshedExpiresAndIsToldAsLeft() {
        board.apply(record("alex", "viewing", T0), T0);
        board.apply(record("sam", "viewing", T0.plusSeconds(20)), T0.plusSeconds(20));

        assertThat(board.expire(T0.plusSeconds(31))).singleElement().satisfies(change -> {
            assertThat(change.event().userId()).isEqualTo("alex");
            assertThat(change.event().state()).isEqualTo("left");
        });
        assertThat(board.on("acme", "t-1", T0.plusSeconds(31))).extracting(Presence::userId).containsExactly("sam");
    }

    @Test
    void aRecordReadAgainAfterItExpiredChangesNothing() {
        assertThat(board.apply(record("alex", "viewing", T0), T0.plusSeconds(60))).isEmpty();
        assertThat(board.on("acme", "t-1", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void ticketsAndTenantsHaveBoardsOfTheirOwn() {
        board.apply(record("alex", "viewing", T0), T0);

        assertThat(board.on("acme", "t-2", T0)).isEmpty();
        assertThat(board.on("globex", "t-1", T0)).isEmpty();
    }

    private static PresenceRecord record(String user, String state, Instant at) {
        return new PresenceRecord(UUID.randomUUID().toString(), "acme", "t-1", user, "Alex", state, at,
                "left".equals(state) ? at : at.plusSeconds(30));
    }
}
