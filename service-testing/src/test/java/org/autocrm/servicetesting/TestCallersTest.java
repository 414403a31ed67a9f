package org.autocrm.servicetesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.Caller;
import org.autocrm.access.InvalidAccessToken;
import org.autocrm.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The signed test callers are exactly who a service trusting the test key sees. */
class TestCallersTest {

    private final AccessTokenVerifier service = AccessTokenVerifier.create("autocrm-gateway", "autocrm", null,
            TestCallers.keySet());
    private final TestCallers callers = TestCallers.inTenant("acme");

    @Test
    void signsEachRoleAsTheServiceThenSeesIt() {
        assertThat(seen(callers.admin())).isEqualTo(new Caller("acme", "admin", Role.ADMIN));
        assertThat(seen(callers.teamLead("tier-1", "billing")))
                .isEqualTo(new Caller("acme", "lead", Role.TEAM_LEAD, Set.of("tier-1", "billing"), Set.of()));
        assertThat(seen(callers.agent("tier-1")))
                .isEqualTo(new Caller("acme", "agent", Role.AGENT, Set.of("tier-1"), Set.of()));
        assertThat(seen(callers.agentNamed("agent-2"))).isEqualTo(new Caller("acme", "agent-2", Role.AGENT));
        assertThat(seen(callers.customer("C-1"))).isEqualTo(new Caller("acme", "C-1", Role.CUSTOMER));
        assertThat(seen(callers.apiKey("tickets:read", "tickets:write")))
                .isEqualTo(new Caller("acme", "key-test", Role.API_KEY, Set.of(), Set.of("tickets:read", "tickets:write")));
        assertThat(seen(callers.apiKey()).scopes()).isEmpty();
        assertThat(seen(callers.automation())).isEqualTo(new Caller("acme", "routing-service", Role.AUTOMATION));
    }

    @Test
    void givesEachTestATenantOfItsOwn() {
        assertThat(TestCallers.inNewTenant().tenant()).isNotEqualTo(TestCallers.inNewTenant().tenant());
    }

    @Test
    void putsTheTokenInTheAuthorizationHeader() {
        SignedCaller agent = callers.agent();

        assertThat(agent.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + agent.token());
    }

    @Test
    void forgesAndExpiresTokensTheServiceRefuses() {
        assertThatThrownBy(() -> seen(callers.admin().forged()))
                .isInstanceOf(InvalidAccessToken.class).hasMessageContaining("key");
        assertThatThrownBy(() -> seen(callers.agent().expired()))
                .isInstanceOf(InvalidAccessToken.class).hasMessageContaining("expired");
    }

    private Caller seen(SignedCaller caller) {
        return service.verifyAuthorization(caller.authorization());
    }
}
