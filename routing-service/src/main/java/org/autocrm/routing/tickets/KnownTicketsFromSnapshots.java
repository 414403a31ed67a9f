package org.autocrm.routing.tickets;

import java.util.Optional;
import org.autocrm.routing.rules.KnownTickets;
import org.autocrm.routing.rules.TicketFacts;
import org.springframework.stereotype.Component;

/** The rules' view of known tickets: the facts of each ticket's latest snapshot. */
@Component
class KnownTicketsFromSnapshots implements KnownTickets {

    private final TicketViewStore view;

    KnownTicketsFromSnapshots(TicketViewStore view) {
        this.view = view;
    }

    @Override
    public Optional<TicketFacts> facts(String tenantId, String ticketId) {
        return view.find(tenantId, ticketId).map(stored -> stored.current().facts());
    }
}
