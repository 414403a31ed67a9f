package org.autocrm.routing.web;

import org.autocrm.access.web.ApiKeyScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which scope an API key needs for each endpoint of routing-service (docs/permissions.md); the service kit checks it
 * on every {@code /api/**} request before anything is looked up. Write does not imply read: an integration that only
 * provisions rules holds {@code routing:write}. The {@code admin} scope opens both, as for ticket-service's
 * configuration. A path not named here is closed to API keys.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyScopeRules {

    static final String ROUTING_READ = "routing:read";
    static final String ROUTING_WRITE = "routing:write";
    static final String ADMIN = "admin";

    @Bean
    ApiKeyScopes apiKeyScopes() {
        return ApiKeyScopes.builder()
                // the dry run is a POST but changes nothing: reading rules is enough
                .writes("/api/routing/rules/{id}/test", ROUTING_READ, ROUTING_WRITE, ADMIN)
                .reads("/api/routing/rules/**", ROUTING_READ, ADMIN)
                .writes("/api/routing/rules/**", ROUTING_WRITE, ADMIN)
                .reads("/api/routing/decisions", ROUTING_READ, ADMIN)
                // SLA calendars, policies and a ticket's SLA
                .reads("/api/sla/**", ROUTING_READ, ADMIN)
                .writes("/api/sla/**", ROUTING_WRITE, ADMIN)
                // assignment: groups' strategies and agents' profiles (an API key has no "me": the controller says 403)
                .reads("/api/routing/groups/*/assignment", ROUTING_READ, ADMIN)
                .writes("/api/routing/groups/*/assignment", ROUTING_WRITE, ADMIN)
                .reads("/api/routing/agents/**", ROUTING_READ, ADMIN)
                .writes("/api/routing/agents/**", ROUTING_WRITE, ADMIN)
                .build();
    }
}
