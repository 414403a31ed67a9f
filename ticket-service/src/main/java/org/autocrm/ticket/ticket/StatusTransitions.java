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
import java.util.Map;
import java.util.Set;
import org.autocrm.events.TicketStatus;

/**
 * Which status an agent may move a ticket to from each status. NEW is only ever a starting point;
 * CLOSED is final (a follow-up opens a new ticket); a RESOLVED ticket can only be reopened or closed.
 */
final class StatusTransitions {

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

    private StatusTransitions() {
    }

    static Set<TicketStatus> allowedFrom(TicketStatus current) {
        return ALLOWED.get(current);
    }

    static boolean allowed(TicketStatus from, TicketStatus to) {
        return ALLOWED.get(from).contains(to);
    }
}
