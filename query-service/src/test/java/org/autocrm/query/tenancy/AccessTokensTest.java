package org.autocrm.query.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private final AccessTokens tokens = new AccessTokens(GatewayKeys.inline(TestTokens.publicKeySet(TestTokens.KEY)),
            "autocrm-gateway", "autocrm", Clock.systemUTC());

    @Test
    void aValidTokenNamesTheCallerWithTheGroupsAndScopesItCarries() {
        assertThat(tokens.verify(TestTokens.token("acme", "maria", "agent").groups("tier-1").sign()))
                .isEqualTo(new Caller("acme", "maria", Caller.Role.AGENT, Set.of("tier-1"), Set.of()));
        assertThat(tokens.verify(TestTokens.token("acme", "key-7", "api_key").scope("tickets:read customers:read")
                .sign()))
                .isEqualTo(new Caller("acme", "key-7", Caller.Role.API_KEY, Set.of(),
                        Set.of("tickets:read", "customers:read")));
    }

    @Test
    void refusesWhatDoesNotProveTheCaller() {
        String[] parts = TestTokens.valid("acme", "maria", "agent").split("\\.");
        String promoted = TestTokens.valid("acme", "maria", "admin").split("\\.")[1];

        assertRefused("not-a-jwt", "not a signed JWT");
        assertRefused(parts[0] + "." + promoted + "." + parts[2], "signature is not valid");
        assertRefused(TestTokens.token("acme", "maria", "admin").signHs256("a-shared-secret-of-at-least-32-bytes!!"),
                "must be signed with RS256");
        assertRefused(TestTokens.token("acme", "maria", "admin").signedWith(TestTokens.unknownKey()).sign(),
                "a key the gateway does not publish");
        assertRefused(TestTokens.token("acme", "maria", "agent").expiresAt(Instant.now().minusSeconds(60)).sign(),
                "expired");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("iss", "someone-else").sign(),
                "not issued by autocrm-gateway");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("aud", List.of("billing")).sign(),
                "not meant for autocrm");
        assertRefused(TestTokens.token("acme", "maria", "agent").without("tenant").sign(), "must name a tenant");
        assertRefused(TestTokens.token("acme", "maria", "superuser").sign(), "must name one role");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidToken.class).hasMessageContaining(reason);
    }
}
