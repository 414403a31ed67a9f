package org.autocrm.routing.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.autocrm.routing.sla.calendar.WorkingTime;
import org.autocrm.routing.sla.clock.ClockState.Cycle;
import org.autocrm.routing.sla.clock.ClockState.Pause;
import org.autocrm.routing.sla.policy.SlaMetric;
import org.autocrm.routing.sla.policy.SlaTarget;

/**
 * Reads a clock's state against the terms in force at one instant. A target's working time is the time from the
 * start of its run, counted as the target counts (business or calendar), less the pauses; it is due at the first
 * instant that working time reaches the target.
 */
final class ClockReading {

    private final ClockState state;
    private final SlaTerms terms;
    private final Instant now;

    ClockReading(ClockState state, SlaTerms terms, Instant now) {
        this.state = state;
        this.terms = terms;
        this.now = now;
    }

    SlaReading reading() {
        if (terms == null) {
            return new SlaReading(null, now, List.of(), null, null);
        }
        List<TargetReading> targets = new ArrayList<>();
        for (SlaMetric metric : SlaMetric.values()) {
            Cycle cycle = state.cycles().get(metric);
            Optional<SlaTarget> target = terms.targets().target(state.priority(), metric);
            if (cycle != null && target.isPresent()) {
                targets.add(read(metric, cycle, target.get()));
            }
        }
        Instant nextWarning = targets.stream().filter(t -> t.status() == TargetStatus.ACTIVE)
                .map(TargetReading::warningAt).filter(w -> w != null && w.isAfter(now)).min(Instant::compareTo)
                .orElse(null);
        Instant nextBreach = targets.stream().filter(t -> t.status() == TargetStatus.ACTIVE)
                .map(TargetReading::dueAt).min(Instant::compareTo).orElse(null);
        return new SlaReading(terms.policyId(), now, targets, nextWarning, nextBreach);
    }

    private TargetReading read(SlaMetric metric, Cycle cycle, SlaTarget target) {
        WorkingTime time = terms.timeFor(target.basis());
        Duration goal = target.duration();
        if (!cycle.isRunning()) {
            List<Pause> pauses = endedBy(cycle.fulfilledAt());
            Instant due = when(time, cycle.startedAt(), goal, pauses);
            Duration left = goal.minus(worked(time, cycle.startedAt(), cycle.fulfilledAt(), pauses));
            TargetStatus status = cycle.fulfilledAt().isBefore(due) ? TargetStatus.FULFILLED : TargetStatus.BREACHED;
            return new TargetReading(metric, due, status, minutes(left), null, false, cycle.fulfilledAt());
        }
        List<Pause> pauses = state.pauses();
        Duration left = goal.minus(worked(time, cycle.startedAt(), now, pauses));
        Instant due = when(time, cycle.startedAt(), goal, pauses);
        if (left.isNegative() || left.isZero()) {
            return new TargetReading(metric, due, TargetStatus.BREACHED, minutes(left), null, false, null);
        }
        if (state.isPaused()) {
            return new TargetReading(metric, null, TargetStatus.PAUSED, minutes(left), null, false, null);
        }
        Duration lead = terms.targets().warningLead();
        Instant warning = lead.isZero() ? null
                : when(time, cycle.startedAt(), lead.compareTo(goal) >= 0 ? Duration.ZERO : goal.minus(lead), pauses);
        boolean atRisk = warning != null && !now.isBefore(warning);
        return new TargetReading(metric, due, TargetStatus.ACTIVE, minutes(left), warning, atRisk, null);
    }

    /** The pauses as they stood when a run ended: a pause still open then counts as ending there. */
    private List<Pause> endedBy(Instant end) {
        List<Pause> ended = new ArrayList<>();
        for (Pause pause : state.pauses()) {
            if (pause.from().isBefore(end)) {
                boolean lastedBeyond = pause.until() == null || pause.until().isAfter(end);
                ended.add(lastedBeyond ? new Pause(pause.from(), end) : pause);
            }
        }
        return ended;
    }

    /** Working time from {@code start} to {@code end}, less the pauses in between. */
    private static Duration worked(WorkingTime time, Instant start, Instant end, List<Pause> pauses) {
        Duration worked = time.between(start, end);
        for (Pause pause : pauses) {
            Instant from = pause.from().isAfter(start) ? pause.from() : start;
            Instant until = pause.until() == null || pause.until().isAfter(end) ? end : pause.until();
            if (until.isAfter(from)) {
                worked = worked.minus(time.between(from, until));
            }
        }
        return worked;
    }

    /**
     * The first instant at which {@code amount} of working time has passed since {@code start}, the pauses not
     * counting; {@code null} when an open pause comes first (nobody knows when the clock runs again).
     */
    private static Instant when(WorkingTime time, Instant start, Duration amount, List<Pause> pauses) {
        Instant cursor = start;
        Duration remaining = amount;
        for (Pause pause : pauses) {
            if (pause.until() != null && !pause.until().isAfter(cursor)) {
                continue;
            }
            if (pause.from().isAfter(cursor)) {
                Duration before = time.between(cursor, pause.from());
                if (remaining.compareTo(before) <= 0) {
                    return time.after(cursor, remaining);
                }
                remaining = remaining.minus(before);
            }
            if (pause.until() == null) {
                return null;
            }
            cursor = pause.until();
        }
        return time.after(cursor, remaining);
    }

    /** Whole minutes, rounded down: half a minute overdue is -1, half a minute left is 0. */
    private static long minutes(Duration duration) {
        return Math.floorDiv(duration.getSeconds(), 60);
    }
}
