package org.autocrm.query.tenancy;

import org.autocrm.access.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.autocrm.access.InvalidAccessToken;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CallerResolverTest {

    private static CallerResolver resolver(boolean acceptDevHeaders) {
        return new CallerResolver(new IdentityProperties("autocrm-gateway", "autocrm",
                URI.create("http://localhost:8080/.well-known/jwks.json"), TestTokens.publicKeySet(TestTokens.KEY),
                acceptDevHeaders));
    }

    @Test
    void withoutDevHeadersARequestWithoutTokenIsNotSignedIn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader(CallerResolver.TENANT_HEADER, "acme");
        request.addHeader(CallerResolver.ROLE_HEADER, "admin");

        assertThatThrownBy(() -> resolver(false).resolve(request))
                .isInstanceOfSatisfying(InvalidAccessToken.class, refused -> assertThat(refused.isMissing()).isTrue());
    }

    @Test
    void theTokenDecidesEvenWhenDevHeadersAreAccepted() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader("Authorization", "Bearer " + TestTokens.token("acme", "maria", "agent").groups("tier-1").sign());
        request.addHeader(CallerResolver.TENANT_HEADER, "globex");
        request.addHeader(CallerResolver.ROLE_HEADER, "admin");

        assertThat(resolver(true).resolve(request))
                .isEqualTo(new Caller("acme", "maria", Caller.Role.AGENT, Set.of("tier-1"), Set.of()));
    }

    @Test
    void everyRoleATokenMayNameIsACallerRoleHereToo() {
        for (Caller.Role role : Caller.Role.values()) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
            request.addHeader("Authorization", "Bearer " + TestTokens.valid("acme", "someone", role.value()));

            assertThat(resolver(false).resolve(request).role()).isEqualTo(role);
        }
    }

    @Test
    void anApiKeysTokenNamesItsScopes() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader("Authorization", "Bearer " + TestTokens.token("acme", "key-7", "api_key")
                .scope("tickets:read customers:read").sign());

        assertThat(resolver(false).resolve(request))
                .isEqualTo(new Caller("acme", "key-7", Caller.Role.API_KEY, Set.of(), Set.of("tickets:read", "customers:read")));
    }
}
