package org.autocrm.query.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private final AccessTokens tokens = new AccessTokens(new IdentityProperties("autocrm-gateway", "autocrm",
            URI.create("http://localhost:8080/.well-known/jwks.json"), TestTokens.publicKeySet(TestTokens.KEY), false));

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
        assertRefused(TestTokens.token("acme", "maria", "admin").signHs256(TestTokens.publicKeySet(TestTokens.KEY)),
                "must be signed with RS256, not HS256");
        assertRefused(TestTokens.token("acme", "maria", "admin").signedWith(TestTokens.unknownKey()).sign(),
                "a key the gateway does not publish (kid unknown-");
        assertRefused(TestTokens.token("acme", "maria", "agent").expiresAt(Instant.now().minusSeconds(60)).sign(),
                "has expired");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("iss", "someone-else").sign(),
                "iss claim has value someone-else, must be autocrm-gateway");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("aud", List.of("billing")).sign(),
                "audience rejected: [billing]");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("tenant", null).sign(),
                "missing required claims: [tenant]");
        assertRefused(TestTokens.token("acme", "maria", "superuser").sign(), "must name one role");
        assertRefused(TestTokens.token("acme", "sarah", "customer").claim("customer_id", "someone-else").sign(),
                "customer_id must be its subject");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidToken.class).hasMessageContaining(reason);
    }
}
