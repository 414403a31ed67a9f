package org.autocrm.query.ticketsearch;

import java.io.IOException;
import org.autocrm.query.customers.CustomerFieldCopies;
import org.autocrm.query.customers.CustomerProfileChanged;
import org.autocrm.query.customers.CustomerProfilesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer's profile changed (or arrived after their tickets): their tickets get the new company
 * and tier, and their ticket figures are recounted so the customer list shows them.
 */
@Component
class TicketCustomerCopies {

    private final TicketIndex index;
    private final CustomerFieldCopies copies;
    private final CustomerFiguresRecount figures;

    TicketCustomerCopies(TicketIndex index, CustomerFieldCopies copies, CustomerFiguresRecount figures) {
        this.index = index;
        this.copies = copies;
        this.figures = figures;
    }

    @EventListener
    void on(CustomerProfilesChanged batch) throws IOException {
        index.ensureExists();
        copies.propagate(TicketIndex.ALIAS, batch.changes());
        for (CustomerProfileChanged change : batch.changes()) {
            figures.changed(change.tenantId(), change.customerId());
        }
    }
}
