package org.autocrm.query.customers;

import java.util.List;
import org.autocrm.events.EventStreams;
import org.autocrm.query.projection.Projection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the customers projection to the operations side (rebuild, lag, health, dead letters, read-your-writes).
 * It answers the customer list; a customer's tickets ({@code /api/customers/{id}/tickets}) come from the tickets
 * projection, whose more specific read path wins.
 */
@Configuration
public class CustomerListProjection {

    /** The projection's name in the admin API, metrics and health, and in events about it. */
    public static final String NAME = "customers";
    static final String LISTENER = "customers";

    @Bean
    Projection customerList(CustomerProjection projection, CustomerIndex index) {
        return new Projection(NAME, EventStreams.CUSTOMERS, index.versioned(), LISTENER, projection::apply,
                List.of("/api/customers", "/api/customers/**"), projection.recent(),
                (tenantId, customerId) -> tenantId == null ? null : CustomerIndex.documentId(tenantId, customerId));
    }
}
