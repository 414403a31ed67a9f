package org.autocrm.query.sla;

import java.util.List;
import org.autocrm.events.EventStreams;
import org.autocrm.query.projection.Projection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the SLA projection to the operations side (rebuild, lag, health). Nothing reads it by path. */
@Configuration
class SlaProjectionDeclaration {

    static final String NAME = "ticket-sla";
    static final String LISTENER = "ticket-sla";

    @Bean
    Projection ticketSla(SlaProjection projection, SlaIndex index) {
        return new Projection(NAME, EventStreams.SLA, index.versioned(), LISTENER, projection::apply, List.of(),
                projection.recent());
    }
}
