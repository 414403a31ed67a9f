package org.autocrm.query.metrics;

import java.io.IOException;
import org.autocrm.query.sla.SlaCopies;
import org.autocrm.query.sla.SlaSummariesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tickets' SLA changed: their metrics documents get the new copy, for SLA compliance. */
@Component
class MetricsSlaCopies {

    private final MetricsIndex index;
    private final SlaCopies copies;

    MetricsSlaCopies(MetricsIndex index, SlaCopies copies) {
        this.index = index;
        this.copies = copies;
    }

    @EventListener
    void on(SlaSummariesChanged batch) throws IOException {
        index.ensureExists();
        copies.propagate(MetricsIndex.ALIAS, batch);
    }
}
