package org.autocrm.query.ticketsearch;

import java.io.IOException;
import org.autocrm.query.sla.SlaCopies;
import org.autocrm.query.sla.SlaSummariesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tickets' SLA changed: their documents get the new copy, so lists sort and filter by it. */
@Component
class TicketSlaCopies {

    private final TicketIndex index;
    private final SlaCopies copies;

    TicketSlaCopies(TicketIndex index, SlaCopies copies) {
        this.index = index;
        this.copies = copies;
    }

    @EventListener
    void on(SlaSummariesChanged batch) throws IOException {
        index.ensureExists();
        copies.propagate(TicketIndex.ALIAS, batch);
    }
}
