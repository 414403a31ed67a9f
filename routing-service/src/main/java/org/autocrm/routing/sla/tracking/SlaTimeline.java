package org.autocrm.routing.sla.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.autocrm.events.Actor;
import org.autocrm.events.EventEnvelope;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.SlaBreached;
import org.autocrm.events.SlaClockChanged;
import org.autocrm.events.SlaEvent;
import org.autocrm.events.SlaTargetState;
import org.autocrm.events.SlaWarningReached;
import org.autocrm.routing.sla.clock.ClockState;
import org.autocrm.routing.sla.clock.SlaReading;
import org.autocrm.routing.sla.clock.TargetReading;
import org.autocrm.routing.sla.clock.TargetStatus;
import org.autocrm.routing.sla.clock.TicketSlaClock;
import org.autocrm.routing.sla.settings.BreachAction;
import org.autocrm.routing.sla.settings.ChoosingPolicies.Chosen;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.springframework.stereotype.Component;

/**
 * Moves a stored clock on: to a new state and/or new terms, and past every warning and breach that is due at
 * {@code now}. What follows is written into the clock itself (events in its outbox with their sequence, breach
 * commands, team-lead notices, the timers marked fired), so one conditional write does all of it or none: a warning
 * or breach is fired exactly once, and what it sends survives a crash until it has been sent.
 */
@Component
public class SlaTimeline {

    /** Who SLA events name as their cause: routing-service's SLA timer, acting by itself. */
    public static final Actor SLA_TIMER = new Actor("routing-service", "system");
    private static final int FIRED_KEPT = 50;

    private final ObjectMapper json;

    public SlaTimeline(ObjectMapper json) {
        this.json = json;
    }

    /** One warning or breach instant of an unmet target. */
    record Timer(String kind, TargetReading target, Instant at) {
        String key() {
            return kind + ":" + target.metric().wireName() + ":" + target.dueAt();
        }
    }

    /**
     * @param state  the clock's state after whatever happened (the stored one when only time passed)
     * @param chosen the policy that applies now, if any
     */
    public SlaClockRecord advance(SlaClockRecord clock, ClockState state, Optional<Chosen> chosen, Instant now) {
        String termsKey = chosen.map(Chosen::termsKey).orElse(null);
        boolean changed = !state.equals(clock.state()) || !Objects.equals(termsKey, clock.termsKey());
        TicketSlaClock ticketClock = TicketSlaClock.restore(state, chosen.map(Chosen::terms).orElse(null));
        SlaReading reading = ticketClock.readAt(now);

        List<SlaClockRecord.OutboxEvent> outbox = new ArrayList<>(clock.outbox());
        List<SlaClockRecord.PendingCommand> commands = new ArrayList<>(clock.commands());
        List<SlaClockRecord.TeamLeadNotice> notices = new ArrayList<>(clock.notices());
        Set<String> fired = new LinkedHashSet<>(clock.firedTimers());
        long sequence = clock.slaSequence();
        String policyId = chosen.map(c -> c.policy().id()).orElse(null);
        String policyName = chosen.map(c -> c.policy().name()).orElse(null);

        boolean breached = false;
        for (Timer timer : timers(reading)) {
            if (timer.at().isAfter(now) || fired.contains(timer.key())) {
                continue;
            }
            fired.add(timer.key());
            String metric = timer.target().metric().wireName();
            if (timer.kind().equals("warning")) {
                outbox.add(event(clock, sequence++, now, new SlaWarningReached(clock.ticketId(), clock.tenantId(),
                        policyId, metric, timer.target().dueAt(), SLA_TIMER, now)));
            } else {
                breached = true;
                outbox.add(event(clock, sequence++, now, new SlaBreached(clock.ticketId(), clock.tenantId(),
                        policyId, metric, timer.target().dueAt(), SLA_TIMER, now)));
                breachActions(clock, chosen.get(), timer.target(), now, commands, notices);
            }
        }
        if (changed || breached) {
            outbox.add(event(clock, sequence++, now, new SlaClockChanged(clock.ticketId(), clock.tenantId(), policyId,
                    policyName, reading.targets().stream().map(SlaTimeline::state).toList(), SLA_TIMER, now)));
        }
        List<String> kept = new ArrayList<>(fired);
        if (kept.size() > FIRED_KEPT) {
            kept = kept.subList(kept.size() - FIRED_KEPT, kept.size());
        }
        Instant nextWake = !outbox.isEmpty() || !commands.isEmpty() ? now
                : timers(reading).stream().filter(t -> !fired.contains(t.key())).map(Timer::at)
                        .min(Comparator.naturalOrder()).orElse(null);
        return new SlaClockRecord(clock.ticketId(), clock.tenantId(), clock.version() + 1, policyId, policyName,
                termsKey, state, clock.facts(), clock.lastTicketSequence(), sequence, kept, outbox, commands, notices,
                nextWake, clock.leaseUntil(), clock.leaseOwner());
    }

    /** The next warning or breach of the clock not fired yet, or null when none is ahead. */
    public Instant nextTimer(SlaClockRecord clock, Optional<Chosen> chosen, Instant now) {
        SlaReading reading = TicketSlaClock.restore(clock.state(), chosen.map(Chosen::terms).orElse(null)).readAt(now);
        return timers(reading).stream().filter(t -> !clock.firedTimers().contains(t.key())).map(Timer::at)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The breach and (when the policy warns) warning instants of each target still to be met. */
    static List<Timer> timers(SlaReading reading) {
        List<Timer> timers = new ArrayList<>();
        for (TargetReading target : reading.targets()) {
            if (target.fulfilledAt() != null || target.dueAt() == null) {
                continue;
            }
            if (target.status() == TargetStatus.ACTIVE && target.warningAt() != null) {
                timers.add(new Timer("warning", target, target.warningAt()));
            }
            timers.add(new Timer("breach", target, target.dueAt()));
        }
        return timers;
    }

    /** A target as the events and the API show it. */
    static SlaTargetState state(TargetReading target) {
        return new SlaTargetState(target.metric().wireName(), target.status().wireName(), target.dueAt(),
                target.warningAt(), target.minutesLeft(), target.fulfilledAt(),
                target.status() == TargetStatus.BREACHED ? target.dueAt() : null);
    }

    /**
     * The policy's breach actions as one command (so one idempotency key covers it: escalation to the group, with the
     * raised priority when the policy also names one; or only the priority) and the team-lead notice.
     */
    private static void breachActions(SlaClockRecord clock, Chosen chosen, TargetReading target, Instant now,
                                      List<SlaClockRecord.PendingCommand> commands,
                                      List<SlaClockRecord.TeamLeadNotice> notices) {
        String group = null;
        String priority = null;
        for (BreachAction action : chosen.policy().breachActions()) {
            switch (action.type()) {
                case ESCALATE -> group = action.value();
                case RAISE_PRIORITY -> priority = action.value();
                case NOTIFY_TEAM_LEAD -> notices.add(new SlaClockRecord.TeamLeadNotice(action.value(),
                        chosen.policy().id(), target.metric().wireName(), target.dueAt(), now));
            }
        }
        String note = "SLA " + target.metric().wireName() + " breached (due " + target.dueAt() + ", policy "
                + chosen.policy().name() + ")";
        String reason = "sla_breach:" + chosen.policy().id();
        String key = clock.ticketId() + ":" + target.metric().wireName() + ":" + target.dueAt() + ":breach";
        if (group != null) {
            commands.add(new SlaClockRecord.PendingCommand("escalate", group, priority, note, reason, key));
        } else if (priority != null) {
            commands.add(new SlaClockRecord.PendingCommand("set_priority", null, priority, note, reason, key));
        }
    }

    static TicketCommand command(SlaClockRecord.PendingCommand pending) {
        return pending.kind().equals("escalate")
                ? new TicketCommand.Escalate(pending.groupId(), pending.priority(), pending.note())
                : new TicketCommand.SetPriority(pending.priority());
    }

    private SlaClockRecord.OutboxEvent event(SlaClockRecord clock, long sequence, Instant now, SlaEvent event) {
        String id = UUID.randomUUID().toString();
        String type = EventTypes.typeOf(event.getClass());
        EventEnvelope<SlaEvent> envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION, id, type,
                EventStreams.ROUTING_SERVICE_SOURCE, now, clock.ticketId(), clock.tenantId(), sequence,
                EventEnvelope.CONTENT_TYPE, event);
        try {
            return new SlaClockRecord.OutboxEvent(id, sequence, type, json.writeValueAsString(envelope));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("an SLA event that cannot be written as JSON", impossible);
        }
    }
}
