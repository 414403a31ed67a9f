package org.autocrm.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.Caller;
import org.autocrm.access.InvalidAccessToken;
import org.autocrm.access.Role;
import org.autocrm.access.TestTokens;
import org.autocrm.access.web.CallerResolver;
import org.autocrm.access.web.InvalidDevHeader;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * How ticket-service learns its caller, through the service kit's {@link CallerResolver}. These are the
 * assertions of ticket-service's former CallerResolverTest; they belong in service-access.
 */
class CallerResolutionTest {

    private final AccessTokenVerifier tokens = AccessTokenVerifier.create("autocrm-gateway", "autocrm",
            URI.create("http://localhost:8080/.well-known/jwks.json"), TestTokens.publicKeySet(TestTokens.KEY));

    @Test
    void withoutDevHeadersARequestWithoutTokenIsNotSignedIn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader(CallerResolver.TENANT_HEADER, "acme");
        request.addHeader(CallerResolver.ROLE_HEADER, "admin");

        assertThatThrownBy(() -> new CallerResolver(tokens, false).resolve(request))
                .isInstanceOfSatisfying(InvalidAccessToken.class, refused -> assertThat(refused.isMissing()).isTrue());
    }

    @Test
    void theTokenDecidesEvenWhenDevHeadersAreAccepted() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader("Authorization", "Bearer " + TestTokens.token("acme", "maria", "agent").groups("tier-1").sign());
        request.addHeader(CallerResolver.TENANT_HEADER, "globex");
        request.addHeader(CallerResolver.ROLE_HEADER, "admin");

        assertThat(new CallerResolver(tokens, true).resolve(request))
                .isEqualTo(new Caller("acme", "maria", Role.AGENT, Set.of("tier-1"), Set.of()));
    }

    @Test
    void anApiKeysTokenNamesItsScopesAndACustomersTheirCustomerId() {
        assertThat(withToken(TestTokens.token("acme", "key-7", "api_key").scope("tickets:read customers:write")))
                .isEqualTo(new Caller("acme", "key-7", Role.API_KEY, Set.of(),
                        Set.of("tickets:read", "customers:write")));
        assertThat(withToken(TestTokens.token("acme", "sarah", "customer")))
                .isEqualTo(new Caller("acme", "sarah", Role.CUSTOMER));
    }

    @Test
    void devHeadersNameTheCallerAndTheirGroupsWhenSwitchedOn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader(CallerResolver.TENANT_HEADER, "acme");
        request.addHeader(CallerResolver.USER_HEADER, "maria");
        request.addHeader(CallerResolver.GROUPS_HEADER, "tier-1, billing");

        assertThat(new CallerResolver(tokens, true).resolve(request))
                .isEqualTo(new Caller("acme", "maria", Role.AGENT, Set.of("tier-1", "billing"), Set.of()));
    }

    @Test
    void devHeadersMayNameOnlyARoleTheTokensKnow() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader(CallerResolver.ROLE_HEADER, "superuser");

        assertThatThrownBy(() -> new CallerResolver(tokens, true).resolve(request))
                .isInstanceOf(InvalidDevHeader.class)
                .hasMessage("X-AutoCRM-Role must be one of [admin, team_lead, agent, customer, api_key]");
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeIsRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader("Authorization", "Basic YWRhOnNlY3JldA==");

        assertThatThrownBy(() -> new CallerResolver(tokens, true).resolve(request))
                .isInstanceOf(InvalidAccessToken.class).hasMessageContaining("Bearer");
    }

    private Caller withToken(TestTokens.Token token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader("Authorization", "Bearer " + token.sign());
        return new CallerResolver(tokens, false).resolve(request);
    }
}
