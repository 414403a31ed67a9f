package org.autocrm.query.access;

import org.autocrm.access.web.ApiKeyScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which scope an API key needs for each read of this service (docs/permissions.md); the service kit
 * checks it before any controller runs. A path not named here (saved views, projection admin) and
 * every write are not open to API keys (nor presence, which is for people). With {@code tickets:read} an API key reads every ticket of its
 * tenant, as an admin does. An automation (routing-service) is granted nothing here: it reads the event stream, not
 * these views, so every request of one is refused (403 MISSING_SCOPE).
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyReadScopes {

    static final String TICKETS_READ = "tickets:read";
    static final String CUSTOMERS_READ = "customers:read";

    @Bean
    static ApiKeyScopes apiKeyScopes() {
        return ApiKeyScopes.builder()
                .reads("/api/tickets/**", TICKETS_READ)
                .reads("/api/stream", TICKETS_READ)
                .reads("/api/metrics/**", TICKETS_READ)
                .reads("/api/customers/{customerId}/tickets", TICKETS_READ)
                .reads("/api/customers/**", CUSTOMERS_READ)
                .build();
    }
}
