package org.autocrm.query.ticketsearch;

import java.util.List;
import org.autocrm.events.EventStreams;
import org.autocrm.query.projection.Projection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the ticket search projection to the operations side (rebuild, lag, health, read-your-writes). */
@Configuration
class TicketSearchProjection {

    static final String NAME = "tickets";
    static final String LISTENER = "tickets";

    @Bean
    Projection ticketSearch(TicketProjection projection, TicketIndex index) {
        return new Projection(NAME, EventStreams.TICKETS, index.versioned(), LISTENER, projection::apply,
                List.of("/api/tickets/**", "/api/customers/*/tickets"), projection.recent());
    }
}
