package org.autocrm.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PositionTest {

    @Test
    void anIdIsReadBackAsTheOffsetsItWasWrittenFrom() {
        Position position = Position.parse("12.0.7");

        assertThat(position.of(0)).isEqualTo(12);
        assertThat(position.of(2)).isEqualTo(7);
        assertThat(position.of(5)).isZero();
        assertThat(position).hasToString("12.0.7");
    }

    @Test
    void aPositionOnlyEverMovesForward() {
        Position position = Position.parse("5.5");

        position.advance(0, 3);
        position.advance(1, 9);
        position.advance(3, 2);

        assertThat(position).hasToString("5.9.0.2");
    }

    @Test
    void anythingThisServiceDidNotWriteIsRefused() {
        for (String id : new String[] {"yesterday", "1..2", "-1", ".3", "1.2.", "99999999999999999999", "", " "}) {
            assertThatThrownBy(() -> Position.parse(id)).as(id).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Position.parse("0" + ".0".repeat(1024))).isInstanceOf(IllegalArgumentException.class);
    }
}
