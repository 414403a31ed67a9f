package org.autocrm.routing.sla.clock;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.sla.policy.Priority;
import org.autocrm.routing.sla.policy.SlaMetric;

/**
 * What a ticket's SLA clock remembers: plain values, to be stored as a document and restored. It holds no due
 * times: those follow from it and the terms in force whenever asked, which is what makes a change of policy,
 * calendar or priority recompute them.
 *
 * @param lastFactAt   when the latest fact happened; a later fact dated earlier counts as happening then
 * @param pauses       every time the clocks stood still, oldest first; the last one open ({@code until} null) while
 *                     they stand still now
 * @param cycles       per metric, its latest run: started, and fulfilled or not
 * @param staffReplied whether staff have answered the customer publicly yet (after which a customer message starts
 *                     next response)
 */
public record ClockState(Priority priority, TicketStatus status, Instant lastFactAt, List<Pause> pauses,
                         Map<SlaMetric, Cycle> cycles, boolean staffReplied) {

    public ClockState {
        pauses = List.copyOf(pauses);
        cycles = Collections.unmodifiableMap(cycles.isEmpty() ? new EnumMap<>(SlaMetric.class) : new EnumMap<>(cycles));
    }

    /** A stretch of time in which the clocks stood still: {@code [from, until)}, {@code until} null while it lasts. */
    public record Pause(Instant from, Instant until) {
    }

    /** One run of a metric's clock, from {@code startedAt}; {@code fulfilledAt} null while it runs. */
    public record Cycle(Instant startedAt, Instant fulfilledAt) {

        boolean isRunning() {
            return fulfilledAt == null;
        }
    }

    boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).until() == null;
    }
}
