package org.autocrm.routing.sla.clock;

import static org.autocrm.routing.sla.policy.SlaMetric.FIRST_RESPONSE;
import static org.autocrm.routing.sla.policy.SlaMetric.NEXT_RESPONSE;
import static org.autocrm.routing.sla.policy.SlaMetric.RESOLUTION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.autocrm.routing.sla.clock.ClockState.Cycle;
import org.autocrm.routing.sla.clock.ClockState.Pause;
import org.autocrm.routing.sla.policy.Priority;
import org.autocrm.routing.sla.policy.SlaMetric;

/**
 * The SLA clocks of one ticket, fed with what happens to it, in order. Immutable: every fact gives a new clock.
 * <ul>
 *   <li>Opening starts first response and resolution.</li>
 *   <li>PENDING and ON_HOLD stop every clock; a customer's message, or any other open status, starts them again.</li>
 *   <li>A public reply by staff fulfils first response and a running next response. After staff have replied, a
 *   customer's message starts next response (unless it runs already: it counts from the first unanswered one).</li>
 *   <li>RESOLVED (or CLOSED) fulfils resolution, and whatever reply clock still runs (the resolution answers the
 *   customer). Reopening starts resolution again, with its full target, from the reopening. CLOSED is final.</li>
 *   <li>The priority, the policy and the calendar are looked up whenever the clock is read, so a change of any of
 *   them recomputes every due time as if it had applied from the start of each clock.</li>
 * </ul>
 */
public final class TicketSlaClock {

    private final ClockState state;
    private final SlaTerms terms;

    private TicketSlaClock(ClockState state, SlaTerms terms) {
        this.state = Objects.requireNonNull(state);
        this.terms = terms;
    }

    /** The clocks of a ticket just opened, under {@code terms} ({@code null} when no policy applies). */
    public static TicketSlaClock start(TicketFact.Created created, SlaTerms terms) {
        Map<SlaMetric, Cycle> cycles = new EnumMap<>(SlaMetric.class);
        cycles.put(FIRST_RESPONSE, new Cycle(created.at(), null));
        cycles.put(RESOLUTION, new Cycle(created.at(), null));
        List<Pause> pauses = created.status().pausesClocks() ? List.of(new Pause(created.at(), null)) : List.of();
        return new TicketSlaClock(
                new ClockState(created.priority(), created.status(), created.at(), pauses, cycles, false), terms);
    }

    /** The clocks as stored. */
    public static TicketSlaClock restore(ClockState state, SlaTerms terms) {
        return new TicketSlaClock(state, terms);
    }

    public ClockState state() {
        return state;
    }

    public SlaTerms terms() {
        return terms;
    }

    /** Under another policy or calendar ({@code null}: no policy applies any more): due times follow. */
    public TicketSlaClock withTerms(SlaTerms newTerms) {
        return new TicketSlaClock(state, newTerms);
    }

    /** The clocks after {@code fact}. A repeated opening is ignored; nothing changes a CLOSED ticket's clocks. */
    public TicketSlaClock record(TicketFact fact) {
        if (fact instanceof TicketFact.Created || state.status() == TicketStatus.CLOSED) {
            return this;
        }
        Change change = new Change(fact.at().isBefore(state.lastFactAt()) ? state.lastFactAt() : fact.at());
        if (fact instanceof TicketFact.PriorityChanged changed) {
            change.priority = changed.to();
        } else if (fact instanceof TicketFact.StatusChanged changed) {
            change.statusTo(changed.to());
        } else if (fact instanceof TicketFact.MessageAdded message) {
            change.message(message.authorRole(), message.visibility());
        }
        return new TicketSlaClock(change.state(), terms);
    }

    /** Every target at {@code now} (an instant before the latest fact reads as that fact's instant). */
    public SlaReading readAt(Instant now) {
        Instant at = now.isBefore(state.lastFactAt()) ? state.lastFactAt() : now;
        return new ClockReading(state, terms, at).reading();
    }

    /** The state being changed by one fact. */
    private final class Change {

        final Instant at;
        Priority priority = state.priority();
        TicketStatus status = state.status();
        final List<Pause> pauses = new ArrayList<>(state.pauses());
        final Map<SlaMetric, Cycle> cycles = new EnumMap<>(SlaMetric.class);
        boolean staffReplied = state.staffReplied();

        Change(Instant at) {
            this.at = at;
            cycles.putAll(state.cycles());
        }

        void statusTo(TicketStatus to) {
            TicketStatus from = status;
            status = to;
            if (to == from) {
                return;
            }
            if (to.isDone()) {
                resume();
                fulfil(FIRST_RESPONSE);
                fulfil(NEXT_RESPONSE);
                fulfil(RESOLUTION);
                return;
            }
            if (from.isDone()) {
                cycles.put(RESOLUTION, new Cycle(at, null));
            }
            if (to.pausesClocks()) {
                pause();
            } else {
                resume();
            }
        }

        void message(AuthorRole author, Visibility visibility) {
            if (author == AuthorRole.CUSTOMER) {
                resume();
                if (staffReplied && !isRunning(NEXT_RESPONSE)) {
                    cycles.put(NEXT_RESPONSE, new Cycle(at, null));
                }
            } else if (author.answersCustomer() && visibility == Visibility.PUBLIC) {
                staffReplied = true;
                fulfil(FIRST_RESPONSE);
                fulfil(NEXT_RESPONSE);
            }
        }

        private void pause() {
            if (!isPaused()) {
                pauses.add(new Pause(at, null));
            }
        }

        private void resume() {
            if (isPaused()) {
                Pause open = pauses.remove(pauses.size() - 1);
                if (open.from().isBefore(at)) {
                    pauses.add(new Pause(open.from(), at));
                }
            }
        }

        private boolean isPaused() {
            return !pauses.isEmpty() && pauses.get(pauses.size() - 1).until() == null;
        }

        private boolean isRunning(SlaMetric metric) {
            Cycle cycle = cycles.get(metric);
            return cycle != null && cycle.isRunning();
        }

        private void fulfil(SlaMetric metric) {
            if (isRunning(metric)) {
                cycles.put(metric, new Cycle(cycles.get(metric).startedAt(), at));
            }
        }

        ClockState state() {
            return new ClockState(priority, status, at, pauses, cycles, staffReplied);
        }
    }
}
