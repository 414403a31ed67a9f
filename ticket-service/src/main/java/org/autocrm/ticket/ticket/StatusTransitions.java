package org.autocrm.ticket.ticket;

import static org.autocrm.events.TicketStatus.CLOSED;
import static org.autocrm.events.TicketStatus.IN_PROGRESS;
import static org.autocrm.events.TicketStatus.NEW;
import static org.autocrm.events.TicketStatus.ON_HOLD;
import static org.autocrm.events.TicketStatus.OPEN;
import static org.autocrm.events.TicketStatus.PENDING;
import static org.autocrm.events.TicketStatus.RESOLVED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.refusal.Refused;

/**
 * Every way a ticket's status changes, in one place:
 * <ul>
 * <li><b>opening</b>: a new ticket starts {@link #INITIAL} (OPEN);</li>
 * <li><b>manual</b>: staff move it along the allowed moves below; NEW is only ever a starting
 * point, CLOSED is final (a follow-up opens a new ticket), a RESOLVED ticket can only be reopened
 * or closed, and resolving needs a resolution summary;</li>
 * <li><b>customer reply</b>: a customer's message reopens a PENDING or RESOLVED ticket;</li>
 * <li><b>merge</b>: the source ticket of a merge is closed.</li>
 * </ul>
 * Nothing else changes a status: assigning, escalating (which hands the ticket to a group),
 * linking, rating and editing leave it as it is.
 */
final class StatusTransitions {

    /** The status of every newly opened ticket. */
    static final TicketStatus INITIAL = OPEN;

    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = new EnumMap<>(TicketStatus.class);

    static {
        Set<TicketStatus> working = EnumSet.of(OPEN, IN_PROGRESS, PENDING, ON_HOLD, RESOLVED, CLOSED);
        ALLOWED.put(NEW, working);
        for (TicketStatus status : EnumSet.of(OPEN, IN_PROGRESS, PENDING, ON_HOLD)) {
            Set<TicketStatus> targets = EnumSet.copyOf(working);
            targets.remove(status);
            ALLOWED.put(status, targets);
        }
        ALLOWED.put(RESOLVED, EnumSet.of(OPEN, CLOSED));
        ALLOWED.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
    }

    /** A status change the ticket is to record. */
    record Change(TicketStatus from, TicketStatus to, StatusChangeReason reason) {
    }

    private StatusTransitions() {
    }

    static Set<TicketStatus> allowedFrom(TicketStatus current) {
        return ALLOWED.get(current);
    }

    static boolean allowed(TicketStatus from, TicketStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /**
     * Staff set the status of ticket #{@code number}: nothing to do when it is there already; refused
     * when the move is not allowed, or when resolving without a summary.
     */
    static Optional<Change> manual(long number, TicketStatus from, TicketStatus to, String resolutionSummary) {
        if (to == from) {
            return Optional.empty();
        }
        if (!allowed(from, to)) {
            throw illegal(number, from, to);
        }
        if (to == RESOLVED && (resolutionSummary == null || resolutionSummary.isBlank())) {
            throw new Refused(TicketRule.RESOLUTION_SUMMARY_REQUIRED,
                    "resolutionSummary is required to resolve a ticket: say what solved it");
        }
        return Optional.of(new Change(from, to, StatusChangeReason.MANUAL));
    }

    /** A customer's reply reopens a ticket that waited for them or was resolved. */
    static Optional<Change> afterMessage(TicketStatus current, Actor by) {
        if (TicketPermissions.isCustomer(by) && (current == PENDING || current == RESOLVED)) {
            return Optional.of(new Change(current, OPEN, StatusChangeReason.CUSTOMER_REPLY));
        }
        return Optional.empty();
    }

    /** The source ticket of a merge is closed. */
    static Change mergedAway(TicketStatus current) {
        return new Change(current, CLOSED, StatusChangeReason.MERGED);
    }

    private static Refused illegal(long number, TicketStatus from, TicketStatus to) {
        List<String> allowed = allowedFrom(from).stream().map(Enum::name).toList();
        return new Refused(TicketRule.ILLEGAL_TRANSITION,
                "Ticket #" + number + " cannot go from " + from + " to " + to + "; allowed: "
                        + (allowed.isEmpty() ? "none, it is final" : String.join(", ", allowed)),
                Map.of("currentStatus", from.name(), "allowedStatuses", allowed));
    }
}
