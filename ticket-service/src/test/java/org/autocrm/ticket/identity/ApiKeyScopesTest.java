package org.autocrm.ticket.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ApiKeyScopesTest {

    @Test
    void configurationIsReadWithTicketsReadAndChangedOnlyWithAdmin() {
        assertThat(ApiKeyScopes.required(HttpMethod.GET, "/api/tickets/categories")).contains(List.of("tickets:read", "admin"));
        assertThat(ApiKeyScopes.required(HttpMethod.POST, "/api/tickets/categories")).contains(List.of("admin"));
        assertThat(ApiKeyScopes.required(HttpMethod.PUT, "/api/tickets/priorities")).contains(List.of("admin"));
        assertThat(ApiKeyScopes.required(HttpMethod.DELETE, "/api/tickets/canned-responses/7")).contains(List.of("admin"));
    }

    @Test
    void ticketsAndCustomersNeedTheirReadOrWriteScope() {
        assertThat(ApiKeyScopes.required(HttpMethod.GET, "/api/tickets/42/history")).contains(List.of("tickets:read"));
        assertThat(ApiKeyScopes.required(HttpMethod.POST, "/api/tickets")).contains(List.of("tickets:write"));
        assertThat(ApiKeyScopes.required(HttpMethod.PUT, "/api/tickets/42/status")).contains(List.of("tickets:write"));
        assertThat(ApiKeyScopes.required(HttpMethod.GET, "/api/customers/7")).contains(List.of("customers:read"));
        assertThat(ApiKeyScopes.required(HttpMethod.POST, "/api/customers")).contains(List.of("customers:write"));
    }

    @Test
    void aMissingScopeIsNamed() {
        RequestingUser key = new RequestingUser("acme", "key-7", "api_key", Set.of(), Set.of("tickets:read"));

        ApiKeyScopes.check(key, HttpMethod.GET, "/api/tickets/42/history");
        assertThatThrownBy(() -> ApiKeyScopes.check(key, HttpMethod.POST, "/api/tickets/42/responses"))
                .isInstanceOf(MissingScope.class)
                .hasMessageContaining("tickets:write")
                .extracting(failure -> ((MissingScope) failure).scope()).isEqualTo("tickets:write");
    }

    @Test
    void endpointsNoRuleNamesAreClosedToApiKeys() {
        RequestingUser key = new RequestingUser("acme", "key-7", "api_key", Set.of(),
                Set.of("tickets:read", "tickets:write", "customers:read", "customers:write", "admin"));

        assertThatThrownBy(() -> ApiKeyScopes.check(key, HttpMethod.GET, "/api/something-new"))
                .isInstanceOf(MissingScope.class);
    }
}
