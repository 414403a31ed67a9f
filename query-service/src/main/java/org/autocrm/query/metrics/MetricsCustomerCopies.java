package org.autocrm.query.metrics;

import java.io.IOException;
import org.autocrm.query.customers.CustomerFieldCopies;
import org.autocrm.query.customers.CustomerProfilesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A customer's profile changed (or arrived after their tickets): their tickets' metrics get the new tier. */
@Component
class MetricsCustomerCopies {

    private final MetricsIndex index;
    private final CustomerFieldCopies copies;

    MetricsCustomerCopies(MetricsIndex index, CustomerFieldCopies copies) {
        this.index = index;
        this.copies = copies;
    }

    @EventListener
    void on(CustomerProfilesChanged batch) throws IOException {
        index.ensureExists();
        copies.propagate(MetricsIndex.ALIAS, batch.changes());
    }
}
