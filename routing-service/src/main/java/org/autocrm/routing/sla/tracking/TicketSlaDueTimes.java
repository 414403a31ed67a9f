package org.autocrm.routing.sla.tracking;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.autocrm.events.SlaTargetState;
import org.autocrm.routing.assignment.SlaDueTimes;
import org.springframework.stereotype.Component;

/** The soonest due time of a ticket's running SLA targets, so that waiting tickets due soonest are offered first. */
@Component
class TicketSlaDueTimes implements SlaDueTimes {

    private final ReadingTicketSla sla;

    TicketSlaDueTimes(ReadingTicketSla sla) {
        this.sla = sla;
    }

    @Override
    public Optional<Instant> nextDue(String tenantId, String ticketId) {
        return sla.read(tenantId, ticketId).flatMap(ticket -> ticket.targets().stream()
                .filter(target -> "active".equals(target.status()))
                .map(SlaTargetState::dueAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder()));
    }
}
