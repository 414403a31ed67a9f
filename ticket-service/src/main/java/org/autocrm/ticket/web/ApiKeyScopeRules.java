package org.autocrm.ticket.web;

import org.autocrm.access.web.ApiKeyScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which scope an API key needs for each endpoint of ticket-service (docs/permissions.md); the
 * service kit checks it on every {@code /api/**} request before anything is looked up. The first
 * rule that matches decides; an endpoint no rule names is closed to API keys. Once its scope is
 * there, an API key acts for its organisation, and the ticket's own rules still apply.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyScopeRules {

    static final String TICKETS_READ = "tickets:read";
    static final String TICKETS_WRITE = "tickets:write";
    static final String CUSTOMERS_READ = "customers:read";
    static final String CUSTOMERS_WRITE = "customers:write";
    /** Also opens the ticket configuration to changes (see ConfigurationAccess). */
    static final String ADMIN = "admin";

    private static final String CONFIGURATION =
            "/api/tickets/{part:categories|custom-fields|priorities|statuses|canned-responses}/**";

    @Bean
    ApiKeyScopes apiKeyScopes() {
        return rules();
    }

    static ApiKeyScopes rules() {
        return ApiKeyScopes.builder()
                .reads(CONFIGURATION, TICKETS_READ, ADMIN)
                .writes(CONFIGURATION, ADMIN)
                .reads("/api/tickets/**", TICKETS_READ)
                .writes("/api/tickets/**", TICKETS_WRITE)
                .reads("/api/customers/**", CUSTOMERS_READ)
                .writes("/api/customers/**", CUSTOMERS_WRITE)
                // routing-service's automation works tickets (never configuration nor customers): docs/permissions.md
                .automationHolds(TICKETS_READ, TICKETS_WRITE)
                .build();
    }
}
