package org.autocrm.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.Caller;
import org.autocrm.access.InvalidAccessToken;
import org.autocrm.access.Role;
import org.autocrm.access.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CallerResolverTest {

    private final AccessTokenVerifier tokens = AccessTokenVerifier.create("autocrm-gateway", "autocrm",
            URI.create("http://localhost:8080/.well-known/jwks.json"), TestTokens.publicKeySet(TestTokens.KEY));

    @Test
    void withoutDevHeadersARequestWithoutTokenIsNotSignedIn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader(CallerResolver.TENANT_HEADER, "acme");
        request.addHeader(CallerResolver.ROLE_HEADER, "admin");

        assertThatThrownBy(() -> new CallerResolver(tokens, false).resolve(request))
                .isInstanceOfSatisfying(InvalidAccessToken.class, refused -> assertThat(refused.isMissing()).isTrue());
    }

    @Test
    void theTokenDecidesEvenWhenDevHeadersAreAccepted() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader("Authorization", "Bearer " + TestTokens.token("acme", "maria", "agent").groups("tier-1").sign());
        request.addHeader(CallerResolver.TENANT_HEADER, "globex");
        request.addHeader(CallerResolver.ROLE_HEADER, "admin");

        assertThat(new CallerResolver(tokens, true).resolve(request))
                .isEqualTo(new Caller("acme", "maria", Role.AGENT, Set.of("tier-1"), Set.of()));
    }

    @Test
    void everyRoleATokenMayNameIsACallerRole() {
        for (Role role : Role.values()) {
            assertThat(withToken(TestTokens.token("acme", "someone", role.value())).role()).isEqualTo(role);
        }
    }

    @Test
    void anApiKeysTokenNamesItsScopesAndACustomersTheirCustomerId() {
        assertThat(withToken(TestTokens.token("acme", "key-7", "api_key").scope("tickets:read customers:write")))
                .isEqualTo(new Caller("acme", "key-7", Role.API_KEY, Set.of(), Set.of("tickets:read", "customers:write")));
        Caller customer = withToken(TestTokens.token("acme", "sarah", "customer"));
        assertThat(customer).isEqualTo(new Caller("acme", "sarah", Role.CUSTOMER));
        assertThat(customer.customerId()).contains("sarah");
    }

    @Test
    void devHeadersNameTheCallerAndTheirGroupsWhenSwitchedOn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader(CallerResolver.TENANT_HEADER, "acme");
        request.addHeader(CallerResolver.USER_HEADER, "maria");
        request.addHeader(CallerResolver.GROUPS_HEADER, "tier-1, billing");

        assertThat(new CallerResolver(tokens, true).resolve(request))
                .isEqualTo(new Caller("acme", "maria", Role.AGENT, Set.of("tier-1", "billing"), Set.of()));
    }

    @Test
    void devHeadersMayNameOnlyARoleTheTokensKnowAndWellFormedIds() {
        MockHttpServletRequest role = new MockHttpServletRequest("GET", "/api/tickets");
        role.addHeader(CallerResolver.ROLE_HEADER, "superuser");
        MockHttpServletRequest tenant = new MockHttpServletRequest("GET", "/api/tickets");
        tenant.addHeader(CallerResolver.TENANT_HEADER, "acme corp");
        MockHttpServletRequest groups = new MockHttpServletRequest("GET", "/api/tickets");
        groups.addHeader(CallerResolver.GROUPS_HEADER, "tier-1,bad group");

        assertThatThrownBy(() -> new CallerResolver(tokens, true).resolve(role))
                .isInstanceOf(InvalidDevHeader.class)
                .hasMessage("X-AutoCRM-Role must be one of [admin, team_lead, agent, customer, api_key, automation]");
        assertThatThrownBy(() -> new CallerResolver(tokens, true).resolve(tenant))
                .isInstanceOfSatisfying(InvalidDevHeader.class,
                        refused -> assertThat(refused.header()).isEqualTo(CallerResolver.TENANT_HEADER));
        assertThatThrownBy(() -> new CallerResolver(tokens, true).resolve(groups))
                .isInstanceOfSatisfying(InvalidDevHeader.class,
                        refused -> assertThat(refused.header()).isEqualTo(CallerResolver.GROUPS_HEADER));
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeIsRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader("Authorization", "Basic YWRhOnNlY3JldA==");

        assertThatThrownBy(() -> new CallerResolver(tokens, true).resolve(request))
                .isInstanceOf(InvalidAccessToken.class).hasMessageContaining("Bearer");
    }

    @Test
    void theCallerIsWorkedOutOncePerRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader("Authorization", "Bearer " + TestTokens.valid("acme", "maria", "agent"));
        CallerResolver resolver = new CallerResolver(tokens, false);

        Caller first = resolver.resolve(request);
        request.removeHeader("Authorization");

        assertThat(resolver.resolve(request)).isSameAs(first);
    }

    private Caller withToken(TestTokens.Token token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
        request.addHeader("Authorization", "Bearer " + token.sign());
        return new CallerResolver(tokens, false).resolve(request);
    }
}
