package org.autocrm.routing.sla.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.routing.sla.settings.ChoosingPolicies;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.routing.ticketcommands.TicketServiceUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Fires the warnings and breaches that are due and sends what a clock holds to be sent, for one clock at a time
 * under its lease: any replica may run it for any clock, and the lease (taken atomically in MongoDB) keeps two from
 * working on one clock at once. Firing is a conditional write of the clock (timers marked fired, events and
 * commands written into it); sending comes after, and what was sent is removed by another conditional write. A
 * process that dies in between leaves the clock as it was or with its outbox still full: the lease runs out and
 * the next poll sends it (the same events, same ids and sequences; the same idempotency keys).
 */
@Service
public class FiringSlaTimers {

    private static final Logger log = LoggerFactory.getLogger(FiringSlaTimers.class);
    /** Longer than one clock's work takes; short enough that a dead replica's clocks are taken over promptly. */
    static final Duration LEASE = Duration.ofSeconds(5);
    /** When sending failed (Kafka or ticket-service down): how long until the next try. */
    static final Duration RETRY = Duration.ofSeconds(5);

    private final SlaClockStore clocks;
    private final ChoosingPolicies policies;
    private final SlaTimeline timeline;
    private final SlaEventSink events;
    private final ObjectProvider<TicketCommands> commands;
    private final Clock clock;
    private final Timer breachDelay;
    private final String owner = UUID.randomUUID().toString();

    public FiringSlaTimers(SlaClockStore clocks, ChoosingPolicies policies, SlaTimeline timeline, SlaEventSink events,
                           ObjectProvider<TicketCommands> commands, Clock clock, MeterRegistry meters) {
        this.clocks = clocks;
        this.policies = policies;
        this.timeline = timeline;
        this.events = events;
        this.commands = commands;
        this.clock = clock;
        // the figure the SLA promises (p99 under 5 s): read it from /actuator/prometheus in a benchmark
        this.breachDelay = Timer.builder("autocrm.sla.breach.delay")
                .description("How long after its due time a breach was fired")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .register(meters);
    }

    /** Works through every clock due now (at most {@code limit}); returns how many it took. */
    public int fireDue(int limit) {
        int taken = 0;
        while (taken < limit) {
            Instant now = clock.instant();
            Optional<SlaClockRecord> due = clocks.claimDue(now, now.plus(LEASE), owner);
            if (due.isEmpty()) {
                break;
            }
            taken++;
            work(due.get());
        }
        return taken;
    }

    /** Sends what this ticket's clock holds now, unless another process is at it (which then sends it). */
    public void sendNow(String tenantId, String ticketId) {
        Instant now = clock.instant();
        clocks.claim(tenantId, ticketId, now, now.plus(LEASE), owner).ifPresent(this::work);
    }

    private void work(SlaClockRecord claimed) {
        Instant now = clock.instant();
        Optional<ChoosingPolicies.Chosen> chosen = policies.choose(claimed.tenantId(), claimed.facts());
        SlaClockRecord fired = timeline.advance(claimed, claimed.state(), chosen, now);
        if (!clocks.replace(fired, claimed.version())) {
            return; // changed meanwhile by the reaction; the clock's wake-up time brings it back
        }
        logBreachDelays(claimed, fired, now);
        List<SlaClockRecord.OutboxEvent> unsent = new ArrayList<>();
        for (SlaClockRecord.OutboxEvent event : fired.outbox()) {
            if (!unsent.isEmpty()) {
                unsent.add(event); // keep the order: nothing after an event that did not go
                continue;
            }
            try {
                events.publish(fired.ticketId(), event);
            } catch (RuntimeException kafkaDown) {
                log.warn("SLA event {} of ticket {} not published, retrying: {}", event.type(), fired.ticketId(),
                        kafkaDown.toString());
                unsent.add(event);
            }
        }
        List<SlaClockRecord.PendingCommand> undelivered = new ArrayList<>();
        TicketCommands ticketService = commands.getIfAvailable();
        for (SlaClockRecord.PendingCommand pending : fired.commands()) {
            if (ticketService == null) {
                log.warn("breach action {} on ticket {} kept: no way to reach ticket-service is configured",
                        pending.kind(), fired.ticketId());
                undelivered.add(pending);
                continue;
            }
            try {
                CommandOutcome outcome = ticketService.send(fired.tenantId(), fired.ticketId(),
                        SlaTimeline.command(pending), pending.reason(), pending.idempotencyKey());
                if (!outcome.done()) {
                    log.info("breach action {} on ticket {} refused by ticket-service ({} {}): not retried",
                            pending.kind(), fired.ticketId(), outcome.status(), outcome.detail());
                }
            } catch (TicketServiceUnavailable unavailable) {
                log.warn("breach action {} on ticket {} not delivered, retrying: {}", pending.kind(),
                        fired.ticketId(), unavailable.getMessage());
                undelivered.add(pending);
            }
        }
        Instant nextWake = unsent.isEmpty() && undelivered.isEmpty()
                ? timeline.nextTimer(fired, chosen, now) : now.plus(RETRY);
        SlaClockRecord sent = new SlaClockRecord(fired.ticketId(), fired.tenantId(), fired.version() + 1,
                fired.policyId(), fired.policyName(), fired.termsKey(), fired.state(), fired.facts(),
                fired.lastTicketSequence(), fired.slaSequence(), fired.firedTimers(), unsent, undelivered,
                fired.notices(), nextWake, null, null);
        clocks.replace(sent, fired.version());
    }

    /** How late each breach fired after its due time: the figure the SLA promises to keep under 5 s. */
    private void logBreachDelays(SlaClockRecord before, SlaClockRecord after, Instant now) {
        after.firedTimers().stream().filter(key -> key.startsWith("breach:"))
                .filter(key -> !before.firedTimers().contains(key))
                .forEach(key -> {
                    Instant due = Instant.parse(key.substring(key.indexOf(':', "breach:".length()) + 1));
                    Duration delay = Duration.between(due, now);
                    breachDelay.record(delay.isNegative() ? Duration.ZERO : delay);
                    log.info("SLA breach fired: ticket {} {} due {} fired after {} ms", after.ticketId(), key, due,
                            delay.toMillis());
                });
    }
}
