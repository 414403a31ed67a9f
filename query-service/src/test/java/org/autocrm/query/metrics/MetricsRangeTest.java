package org.autocrm.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void daysIncludeTheWholeLastDay() {
        MetricsRange range = MetricsRange.parse("2026-03-10", "2026-03-11", NOW);

        assertThat(range.from()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
    }

    @Test
    void instantsAreTakenAsTheyAreAndTheDefaultIsTheLastThirtyDays() {
        assertThat(MetricsRange.parse("2026-03-10T08:00:00Z", "2026-03-10T09:00:00Z", NOW).to())
                .isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(MetricsRange.parse(null, null, NOW)).isEqualTo(new MetricsRange(NOW.minusSeconds(30 * 86400), NOW));
    }

    @Test
    void refusesBadDatesAndFromAfterToNamingTheParameter() {
        assertThatThrownBy(() -> MetricsRange.parse("yesterday", null, NOW)).hasMessageStartingWith("from must be");
        assertThatThrownBy(() -> MetricsRange.parse(null, "2026-13-01", NOW)).hasMessageStartingWith("to must be");
        assertThatThrownBy(() -> MetricsRange.parse("2026-03-12", "2026-03-10", NOW))
                .hasMessageContaining("from (2026-03-12) must be before to");
    }

    @Test
    void refusesDatesBeyondWhatTheIndexHoldsAndPeriodsLongerThanTenYears() {
        assertThatThrownBy(() -> MetricsRange.parse("2026-01-01", "+10000-01-01T00:00:00Z", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to must lie between 1970 and 9999");
        assertThatThrownBy(() -> MetricsRange.parse("+999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to must lie between");
        assertThatThrownBy(() -> MetricsRange.parse("1000-01-01", "2026-01-01", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("from must lie between");
        assertThatThrownBy(() -> MetricsRange.parse("1990-01-01", "2026-01-01", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3660 days apart");
        assertThat(MetricsRange.parse("2017-01-01", "2026-01-01", NOW).days()).isEqualTo(3288);
    }

    @Test
    void groupByNamesTheParameterAndItsChoices() {
        assertThat(GroupBy.parse("Agent")).isEqualTo(GroupBy.AGENT);
        assertThatThrownBy(() -> GroupBy.parse("weather"))
                .hasMessage("groupBy must be one of agent, group, category, priority, channel, tier, customer, day, not 'weather'");
    }
}
