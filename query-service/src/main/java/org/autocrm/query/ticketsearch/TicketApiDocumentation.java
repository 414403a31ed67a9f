package org.autocrm.query.ticketsearch;

import java.util.List;
import java.util.Map;
import org.autocrm.access.apidocs.NullableReferences;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code @Nullable} cannot say in the API document about the ticket views: a ticket without an SLA. */
@Configuration
class TicketApiDocumentation {

    @Bean
    OpenApiCustomizer nullableTicketReferences() {
        return NullableReferences.of(Map.of("TicketView", List.of("sla")));
    }
}
