package org.autocrm.ticket.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.autocrm.ticket.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestingUserResolverTest {

    private final AccessTokens tokens = new AccessTokens(new IdentityProperties("autocrm-gateway", "autocrm",
            AccessTokensTest.UNUSED_JWKS_URI, TestTokens.publicKeySet(TestTokens.KEY), false));

    @Test
    void withoutDevHeadersARequestWithoutTokenIsNotSignedIn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader(RequestingUserResolver.TENANT_HEADER, "acme");
        request.addHeader(RequestingUserResolver.ROLE_HEADER, "admin");

        assertThatThrownBy(() -> new RequestingUserResolver(tokens, false).resolve(request))
                .isInstanceOf(RequestingUserResolver.MissingToken.class);
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
    void devHeadersNameTheCallerAndTheirGroupsWhenSwitchedOn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader(RequestingUserResolver.TENANT_HEADER, "acme");
        request.addHeader(RequestingUserResolver.USER_HEADER, "maria");
        request.addHeader(RequestingUserResolver.GROUPS_HEADER, "tier-1, billing");

        assertThat(new RequestingUserResolver(tokens, true).resolve(request))
                .isEqualTo(new RequestingUser("acme", "maria", "agent", Set.of("tier-1", "billing"), Set.of()));
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeIsRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets/1/history");
        request.addHeader("Authorization", "Basic YWRhOnNlY3JldA==");

        assertThatThrownBy(() -> new RequestingUserResolver(tokens, true).resolve(request))
                .isInstanceOf(AccessTokens.InvalidToken.class).hasMessageContaining("Bearer");
    }
}
