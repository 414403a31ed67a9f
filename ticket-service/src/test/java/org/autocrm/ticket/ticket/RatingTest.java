package org.autocrm.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.autocrm.events.Actor;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.refusal.Refused;
import org.junit.jupiter.api.Test;

class RatingTest {

    private static final Actor SARAH = new Actor("sarah", "customer");

    @Test
    void aScoreFitsItsScale() {
        for (int score = 1; score <= 5; score++) {
            assertThat(Rating.fitsScale("five_point", score)).as("five_point %d", score).isTrue();
        }
        assertThat(Rating.fitsScale("five_point", 0)).isFalse();
        assertThat(Rating.fitsScale("five_point", 6)).isFalse();
        assertThat(Rating.fitsScale("good_bad", 0)).isTrue();
        assertThat(Rating.fitsScale("good_bad", 1)).isTrue();
        assertThat(Rating.fitsScale("good_bad", 2)).isFalse();
        assertThat(Rating.fitsScale("stars", 3)).isFalse();
        assertThat(Rating.fitsScale(null, 3)).isFalse();
    }

    @Test
    void aClosedTicketCanStillBeRatedButNeverByAnApiKey() {
        assertThatCode(() -> Rating.check(SARAH, 7, TicketStatus.CLOSED, "good_bad", 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Rating.check(new Actor("key-7", "api_key"), 7, TicketStatus.RESOLVED, "good_bad", 1))
                .isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(TicketRule.NOT_PERMITTED));
    }
}
