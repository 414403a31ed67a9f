package org.autocrm.query.access;

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

class ApiKeyReadScopesTest {

    private final ApiKeyScopes scopes = ApiKeyReadScopes.apiKeyScopes();

    @Test
    void ticketReadsNeedTicketsReadAndCustomerReadsCustomersRead() {
        assertThat(scopes.required(HttpMethod.GET, "/api/tickets")).contains(List.of("tickets:read"));
        assertThat(scopes.required(HttpMethod.GET, "/api/tickets/42")).contains(List.of("tickets:read"));
        assertThat(scopes.required(HttpMethod.GET, "/api/metrics/tickets")).contains(List.of("tickets:read"));
        assertThat(scopes.required(HttpMethod.GET, "/api/customers/7/tickets")).contains(List.of("tickets:read"));
        assertThat(scopes.required(HttpMethod.GET, "/api/customers")).contains(List.of("customers:read"));
    }

    @Test
    void writesAndUnnamedPathsAreNotOpenToApiKeys() {
        assertThat(scopes.required(HttpMethod.POST, "/api/tickets")).isEmpty();
        assertThat(scopes.required(HttpMethod.GET, "/api/views")).isEmpty();
        assertThat(scopes.required(HttpMethod.GET, "/api/admin/projections")).isEmpty();
    }

    @Test
    void aKeyWithoutTheScopeIsToldWhichItNeeds() {
        Caller key = new Caller("acme", "key-7", Role.API_KEY, Set.of(), Set.of("customers:read"));

        assertThatThrownBy(() -> scopes.check(key, HttpMethod.GET, "/api/tickets"))
                .isInstanceOf(MissingScope.class)
                .extracting(failure -> ((MissingScope) failure).scope()).isEqualTo("tickets:read");
        assertThatThrownBy(() -> scopes.check(key, HttpMethod.GET, "/api/views/mine"))
                .isInstanceOf(MissingScope.class).hasMessageContaining("API keys may not call");
    }
}
