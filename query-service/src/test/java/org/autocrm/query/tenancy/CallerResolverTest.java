package org.autocrm.query.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
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
                .isInstanceOf(InvalidToken.class).matches(failure -> ((InvalidToken) failure).isMissing());
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
}
