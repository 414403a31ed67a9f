package org.autocrm.query.metrics;

import java.util.List;
import org.autocrm.events.EventStreams;
import org.autocrm.query.projection.Projection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the ticket metrics projection to the operations side (rebuild, lag, health, read-your-writes). */
@Configuration
class MetricsProjection {

    static final String NAME = "metrics";
    static final String LISTENER = "ticket-metrics";

    @Bean
    Projection ticketMetrics(TicketMetricsProjection projection, MetricsIndex index) {
        return new Projection(NAME, EventStreams.TICKETS, index.versioned(), LISTENER, projection::apply,
                List.of("/api/metrics/**"), projection.recent());
    }
}
