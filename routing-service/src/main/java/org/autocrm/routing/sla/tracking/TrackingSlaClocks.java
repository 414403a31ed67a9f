package org.autocrm.routing.sla.tracking;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.routing.sla.clock.AuthorRole;
import org.autocrm.routing.sla.clock.ClockState;
import org.autocrm.routing.sla.clock.TicketFact;
import org.autocrm.routing.sla.clock.TicketSlaClock;
import org.autocrm.routing.sla.clock.TicketStatus;
import org.autocrm.routing.sla.clock.Visibility;
import org.autocrm.routing.sla.policy.Priority;
import org.autocrm.routing.sla.settings.ChoosingPolicies;
import org.autocrm.routing.tickets.TicketReaction;
import org.autocrm.routing.tickets.TicketSnapshot;
import org.autocrm.routing.tickets.TicketStreamEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The SLA side of the ticket stream: a new ticket gets a clock (and the first policy that matches it), every later
 * event moves the clock on (pause, resume, reply, resolution, priority) and has the policy chosen again from the
 * ticket as it now is (a changed priority, category, tag ... may make another policy apply). Each change is
 * published as {@code SlaClockChanged}. A redelivered event is recognised by its sequence and changes nothing.
 */
@Component
@Order(300)
public class TrackingSlaClocks implements TicketReaction {

    private static final int ATTEMPTS = 5;

    private final SlaClockStore clocks;
    private final ChoosingPolicies policies;
    private final SlaTimeline timeline;
    private final FiringSlaTimers sending;
    private final Clock clock;

    public TrackingSlaClocks(SlaClockStore clocks, ChoosingPolicies policies, SlaTimeline timeline,
                             FiringSlaTimers sending, Clock clock) {
        this.clocks = clocks;
        this.policies = policies;
        this.timeline = timeline;
        this.sending = sending;
        this.clock = clock;
    }

    @Override
    public void react(TicketStreamEvent event, TicketSnapshot before, TicketSnapshot after) {
        boolean changed = event.payload() instanceof TicketCreated created
                ? start(event, created, after) : follow(event, after);
        if (changed) {
            sending.sendNow(event.tenantId(), event.ticketId());
        }
    }

    private boolean start(TicketStreamEvent event, TicketCreated created, TicketSnapshot after) {
        if (clocks.find(event.tenantId(), event.ticketId()).isPresent()) {
            return false;
        }
        ClockState state = TicketSlaClock.start(new TicketFact.Created(created.at(), Priority.of(created.priority()),
                status(created.status())), null).state();
        SlaClockRecord fresh = new SlaClockRecord(event.ticketId(), event.tenantId(), 0, null, null, null, state,
                after.facts(), event.sequence(), 0, List.of(), List.of(), List.of(), List.of(), null, null, null);
        SlaClockRecord started = timeline.advance(fresh, state, policies.choose(event.tenantId(), after.facts()),
                clock.instant());
        return clocks.insert(started);
    }

    private boolean follow(TicketStreamEvent event, TicketSnapshot after) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SlaClockRecord> found = clocks.find(event.tenantId(), event.ticketId());
            if (found.isEmpty() || event.sequence() <= found.get().lastTicketSequence()) {
                return false; // a ticket opened before SLA tracking began, or an event taken in already
            }
            SlaClockRecord current = found.get();
            TicketFact fact = fact(event);
            ClockState state = fact == null ? current.state()
                    : TicketSlaClock.restore(current.state(), null).record(fact).state();
            SlaClockRecord seen = new SlaClockRecord(current.ticketId(), current.tenantId(), current.version(),
                    current.policyId(), current.policyName(), current.termsKey(), current.state(), after.facts(),
                    event.sequence(), current.slaSequence(), current.firedTimers(), current.outbox(),
                    current.commands(), current.notices(), current.nextWakeAt(), current.leaseUntil(),
                    current.leaseOwner());
            SlaClockRecord moved = timeline.advance(seen, state, policies.choose(event.tenantId(), after.facts()),
                    clock.instant());
            if (clocks.replace(moved, current.version())) {
                return true;
            }
        }
        // the clock kept changing under us (timers firing): let the stream deliver the event again
        throw new IllegalStateException("SLA clock of ticket " + event.ticketId() + " changed " + ATTEMPTS
                + " times while taking in event " + event.eventId());
    }

    /** The clock's own fact for a ticket event, or null for an event that only may change the policy. */
    static TicketFact fact(TicketStreamEvent event) {
        if (event.payload() instanceof TicketPriorityChanged changed) {
            return new TicketFact.PriorityChanged(changed.at(), Priority.of(changed.to()));
        }
        if (event.payload() instanceof TicketStatusChanged changed) {
            return new TicketFact.StatusChanged(changed.at(), status(changed.to()));
        }
        if (event.payload() instanceof TicketMessageAdded message) {
            return new TicketFact.MessageAdded(message.at(), author(message.by() == null ? null : message.by().role()),
                    visibility(message.visibility()));
        }
        return null;
    }

    private static TicketStatus status(org.autocrm.events.TicketStatus status) {
        return TicketStatus.valueOf(status.name());
    }

    /**
     * Who wrote, as the clock counts it. Automation (a canned response posted by a time-based rule, an automatic
     * acknowledgement) is the system: it answers nobody, so it fulfils no response target.
     */
    static AuthorRole author(String role) {
        if (role == null) {
            return AuthorRole.SYSTEM;
        }
        return switch (role) {
            case "admin" -> AuthorRole.ADMIN;
            case "team_lead" -> AuthorRole.TEAM_LEAD;
            case "agent" -> AuthorRole.AGENT;
            case "customer" -> AuthorRole.CUSTOMER;
            case "api_key" -> AuthorRole.API_KEY;
            default -> AuthorRole.SYSTEM;
        };
    }

    private static Visibility visibility(String visibility) {
        try {
            return Visibility.valueOf(visibility.toUpperCase(Locale.ROOT));
        } catch (RuntimeException unknown) {
            return Visibility.INTERNAL; // a visibility this version does not know answers nobody
        }
    }
}
