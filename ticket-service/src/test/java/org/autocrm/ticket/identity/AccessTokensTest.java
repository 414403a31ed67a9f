package org.autocrm.ticket.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import org.autocrm.ticket.support.TestTokens;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final String SECRET = TestTokens.DEV_SECRET;
    private final AccessTokens tokens = new AccessTokens(new IdentityProperties(SECRET, "autocrm", false),
            Clock.systemUTC());

    @Test
    void aValidTokenNamesTheCaller() {
        RequestingUser caller = tokens.verify(TestTokens.valid("acme", "maria", "agent"));

        assertThat(caller).isEqualTo(new RequestingUser("acme", "maria", "agent"));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = TestTokens.valid("acme", "maria", "agent");
        String[] parts = token.split("\\.");
        String forged = TestTokens.valid("acme", "maria", "admin").split("\\.")[1];

        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + forged + "." + parts[2]))
                .isInstanceOf(AccessTokens.InvalidToken.class).hasMessageContaining("signature");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String other = TestTokens.sign("another-secret-that-is-long-enough-32b", "acme", "maria", "admin", "autocrm",
                Instant.now().plusSeconds(60));

        assertThatThrownBy(() -> tokens.verify(other)).hasMessageContaining("signature");
    }

    @Test
    void expiredAndWrongAudienceTokensAreRefused() {
        assertThatThrownBy(() -> tokens.verify(TestTokens.sign(SECRET, "acme", "maria", "agent", "autocrm",
                Instant.now().minusSeconds(1)))).hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.verify(TestTokens.sign(SECRET, "acme", "maria", "agent", "billing",
                Instant.now().plusSeconds(60)))).hasMessageContaining("not meant for autocrm");
    }

    @Test
    void aTokenMustNameATenantAndAKnownRole() {
        assertThatThrownBy(() -> tokens.verify(TestTokens.sign(SECRET, "acme", "maria", "superuser", "autocrm",
                Instant.now().plusSeconds(60)))).hasMessageContaining("must name a tenant, a subject and a role");
        assertThatThrownBy(() -> tokens.verify("not-a-jwt")).hasMessageContaining("not a JWT");
    }
}
