package org.autocrm.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.access.web.ApiKeyScopes;
import org.autocrm.access.web.MissingScope;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** ticket-service's rules for API keys, as its {@link ApiKeyScopeRules} bean declares them to the service kit. */
class ApiKeyScopesTest {

    private static final ApiKeyScopes SCOPES = ApiKeyScopeRules.rules();

    @Test
    void configurationIsReadWithTicketsReadAndChangedOnlyWithAdmin() {
        assertThat(SCOPES.required(HttpMethod.GET, "/api/tickets/categories")).contains(List.of("tickets:read", "admin"));
        assertThat(SCOPES.required(HttpMethod.POST, "/api/tickets/categories")).contains(List.of("admin"));
        assertThat(SCOPES.required(HttpMethod.PUT, "/api/tickets/priorities")).contains(List.of("admin"));
        assertThat(SCOPES.required(HttpMethod.DELETE, "/api/tickets/canned-responses/7")).contains(List.of("admin"));
    }

    @Test
    void ticketsAndCustomersNeedTheirReadOrWriteScope() {
        assertThat(SCOPES.required(HttpMethod.GET, "/api/tickets/42/history")).contains(List.of("tickets:read"));
        assertThat(SCOPES.required(HttpMethod.POST, "/api/tickets")).contains(List.of("tickets:write"));
        assertThat(SCOPES.required(HttpMethod.PUT, "/api/tickets/42/status")).contains(List.of("tickets:write"));
        assertThat(SCOPES.required(HttpMethod.GET, "/api/customers/7")).contains(List.of("customers:read"));
        assertThat(SCOPES.required(HttpMethod.POST, "/api/customers")).contains(List.of("customers:write"));
    }

    @Test
    void aMissingScopeIsNamed() {
        Caller key = new Caller("acme", "key-7", Role.API_KEY, Set.of(), Set.of("tickets:read"));

        SCOPES.check(key, HttpMethod.GET, "/api/tickets/42/history");
        assertThatThrownBy(() -> SCOPES.check(key, HttpMethod.POST, "/api/tickets/42/responses"))
                .isInstanceOf(MissingScope.class)
                .hasMessageContaining("tickets:write")
                .extracting(failure -> ((MissingScope) failure).scope()).isEqualTo("tickets:write");
    }

    @Test
    void endpointsNoRuleNamesAreClosedToApiKeys() {
        Caller key = new Caller("acme", "key-7", Role.API_KEY, Set.of(),
                Set.of("tickets:read", "tickets:write", "customers:read", "customers:write", "admin"));

        assertThatThrownBy(() -> SCOPES.check(key, HttpMethod.GET, "/api/something-new"))
                .isInstanceOf(MissingScope.class);
    }
}
