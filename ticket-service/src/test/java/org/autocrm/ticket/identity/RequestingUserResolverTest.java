package org.autocrm.ticket.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.InvalidAccessToken;
import org.autocrm.access.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestingUserResolverTest {

    private final AccessTokenVerifier tokens = AccessTokenVerifier.create("autocrm-gateway", "autocrm",
            URI.create("http://localhost:8080/.well-known/jwks.json"), TestTokens.publicKeySet(TestTokens.KEY));

    @Test
    void withoutDevHeadersARequestWithoutTokenIsNotSignedIn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader(RequestingUserResolver.TENANT_HEADER, "acme");
        request.addHeader(RequestingUserResolver.ROLE_HEADER, "admin");

        assertThatThrownBy(() -> new RequestingUserResolver(tokens, false).resolve(request))
                .isInstanceOfSatisfying(InvalidAccessToken.class, refused -> assertThat(refused.isMissing()).isTrue());
    }

    @Test
    void theTokenDecidesEvenWhenDevHeadersAreAccepted() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader("Authorization", "Bearer " + TestTokens.token("acme", "maria", "agent").groups("tier-1").sign());
        request.addHeader(RequestingUserResolver.TENANT_HEADER, "globex");
        request.addHeader(RequestingUserResolver.ROLE_HEADER, "admin");

        assertThat(new RequestingUserResolver(tokens, true).resolve(request))
                .isEqualTo(new RequestingUser("acme", "maria", "agent", Set.of("tier-1"), Set.of()));
    }

    @Test
    void anApiKeysTokenNamesItsScopesAndACustomersTheirCustomerId() {
        assertThat(withToken(TestTokens.token("acme", "key-7", "api_key").scope("tickets:read customers:write")))
                .isEqualTo(new RequestingUser("acme", "key-7", RequestingUser.API_KEY, Set.of(),
                        Set.of("tickets:read", "customers:write")));
        assertThat(withToken(TestTokens.token("acme", "sarah", "customer")))
                .isEqualTo(new RequestingUser("acme", "sarah", "customer"));
    }

    @Test
    void devHeadersNameTheCallerAndTheirGroupsWhenSwitchedOn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader(RequestingUserResolver.TENANT_HEADER, "acme");
        request.addHeader(RequestingUserResolver.USER_HEADER, "maria");
        request.addHeader(RequestingUserResolver.GROUPS_HEADER, "tier-1, billing");

        assertThat(new RequestingUserResolver(tokens, true).resolve(request))
                .isEqualTo(new RequestingUser("acme", "maria", "agent", Set.of("tier-1", "billing"), Set.of()));
    }

    @Test
    void devHeadersMayNameOnlyARoleTheTokensKnow() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader(RequestingUserResolver.ROLE_HEADER, "superuser");

        assertThatThrownBy(() -> new RequestingUserResolver(tokens, true).resolve(request))
                .isInstanceOf(RequestingUserResolver.InvalidCaller.class)
                .hasMessage("X-AutoCRM-Role must be one of [admin, team_lead, agent, customer, api_key]");
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeIsRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader("Authorization", "Basic YWRhOnNlY3JldA==");

        assertThatThrownBy(() -> new RequestingUserResolver(tokens, true).resolve(request))
                .isInstanceOf(InvalidAccessToken.class).hasMessageContaining("Bearer");
    }

    private RequestingUser withToken(TestTokens.Token token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader("Authorization", "Bearer " + token.sign());
        return new RequestingUserResolver(tokens, false).resolve(request);
    }
}
