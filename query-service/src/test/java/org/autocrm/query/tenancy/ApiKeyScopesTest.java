package org.autocrm.query.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ApiKeyScopesTest {

    @Test
    void ticketReadsNeedTicketsReadAndCustomerReadsCustomersRead() {
        assertThat(ApiKeyScopes.required(HttpMethod.GET, "/api/tickets")).contains("tickets:read");
        assertThat(ApiKeyScopes.required(HttpMethod.GET, "/api/tickets/42")).contains("tickets:read");
        assertThat(ApiKeyScopes.required(HttpMethod.GET, "/api/metrics/tickets")).contains("tickets:read");
        assertThat(ApiKeyScopes.required(HttpMethod.GET, "/api/customers/7/tickets")).contains("tickets:read");
        assertThat(ApiKeyScopes.required(HttpMethod.GET, "/api/customers")).contains("customers:read");
    }

    @Test
    void aKeyWithoutTheScopeIsToldWhichItNeeds() {
        Caller key = new Caller("acme", "key-7", Caller.Role.API_KEY, Set.of(), Set.of("customers:read"));

        assertThatThrownBy(() -> ApiKeyScopes.check(key, HttpMethod.GET, "/api/tickets"))
                .isInstanceOf(MissingScope.class)
                .extracting(failure -> ((MissingScope) failure).scope()).isEqualTo("tickets:read");
        assertThatThrownBy(() -> ApiKeyScopes.check(key, HttpMethod.GET, "/api/views/mine"))
                .isInstanceOf(MissingScope.class).hasMessageContaining("API keys may not call");
    }
}
