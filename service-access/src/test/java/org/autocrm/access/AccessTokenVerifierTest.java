package org.autocrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private static final URI UNUSED_JWKS_URI = URI.create("http://localhost:8080/.well-known/jwks.json");

    private final AccessTokenVerifier tokens = AccessTokenVerifier.create("autocrm-gateway", "autocrm",
            UNUSED_JWKS_URI, TestTokens.publicKeySet(TestTokens.KEY));

    @Test
    void aValidTokenNamesTheCallerWithGroupsAndScopes() {
        assertThat(tokens.verify(TestTokens.token("acme", "maria", "agent").groups("tier-1", "billing").sign()))
                .isEqualTo(new Caller("acme", "maria", Role.AGENT, Set.of("tier-1", "billing"), Set.of()));
        assertThat(tokens.verify(TestTokens.token("acme", "key-7", "api_key").scope(" tickets:read  customers:write")
                .sign()))
                .isEqualTo(new Caller("acme", "key-7", Role.API_KEY, Set.of(),
                        Set.of("tickets:read", "customers:write")));
    }

    @Test
    void theDisplayNameOfATokenIsCarriedAlongForShowingOnly() {
        assertThat(tokens.verify(TestTokens.token("acme", "maria", "agent").claim("name", " Maria Lopez ").sign()).name())
                .isEqualTo("Maria Lopez");
        assertThat(tokens.verify(TestTokens.token("acme", "maria", "agent").claim("name", 42).sign()).name()).isNull();
        assertThat(tokens.verify(TestTokens.valid("acme", "maria", "agent")).name()).isNull();
    }

    @Test
    void aCustomersTokenNamesTheirCustomerId() {
        assertThat(tokens.verify(TestTokens.valid("acme", "sarah", "customer")).customerId()).contains("sarah");
        assertThat(tokens.verify(TestTokens.valid("acme", "maria", "agent")).customerId()).isEmpty();
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = TestTokens.valid("acme", "maria", "agent").split("\\.");
        String promoted = TestTokens.valid("acme", "maria", "admin").split("\\.")[1];

        assertRefused(parts[0] + "." + promoted + "." + parts[2], "signature is not valid");
    }

    @Test
    void aTokenSignedByAKeyTheGatewayDoesNotPublishIsRefused() {
        assertRefused(TestTokens.token("acme", "maria", "admin").signedWith(TestTokens.unknownKey()).sign(),
                "a key the gateway does not publish (kid unknown-");
    }

    @Test
    void onlyRs256IsAccepted() {
        assertRefused(TestTokens.token("acme", "maria", "admin").signHs256("a-shared-secret-of-at-least-32-bytes!!"),
                "must be signed with RS256, not HS256");
        assertRefused(TestTokens.token("acme", "maria", "admin").signHs256(TestTokens.publicKeySet(TestTokens.KEY)),
                "must be signed with RS256, not HS256");
        String unsigned = Base64URL.encode("{\"alg\":\"none\"}") + "."
                + TestTokens.valid("acme", "maria", "admin").split("\\.")[1] + ".";
        assertRefused(unsigned, "not a signed JWT");
        assertRefused("not-a-jwt", "not a signed JWT");
    }

    @Test
    void expiredTokensAreRefusedAfterAShortGrace() {
        assertRefused(TestTokens.token("acme", "maria", "agent").expiresAt(Instant.now().minusSeconds(60)).sign(),
                "has expired");
        assertThat(tokens.verify(TestTokens.token("acme", "maria", "agent")
                .expiresAt(Instant.now().minusSeconds(10)).sign()).userId()).isEqualTo("maria");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("exp", null).sign(),
                "missing required claims: [exp]");
    }

    @Test
    void tokensOfAnotherIssuerOrAudienceAreRefused() {
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("iss", "someone-else").sign(),
                "iss claim has value someone-else, must be autocrm-gateway");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("aud", List.of("billing")).sign(),
                "audience rejected: [billing]");
    }

    @Test
    void aTokenMustNameATenantASubjectAndOneKnownRole() {
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("tenant", null).sign(),
                "missing required claims: [tenant]");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("sub", null).sign(),
                "missing required claims: [sub]");
        assertRefused(TestTokens.token(" ", "maria", "agent").sign(), "must name a tenant and a subject");
        assertRefused(TestTokens.token("acme", "maria", "superuser").sign(),
                "must name one role (roles) out of [admin, team_lead, agent, customer, api_key, automation]");
        assertRefused(TestTokens.token("acme", "maria", "agent").claim("roles", List.of("agent", "admin")).sign(),
                "must name one role");
        assertRefused(TestTokens.token("acme", "sarah", "customer").claim("customer_id", "someone-else").sign(),
                "customer_id must be its subject");
    }

    @Test
    void anAutomationsClientCredentialsTokenNamesTheComponentWithoutGroupsOrScopes() {
        Caller caller = tokens.verify(TestTokens.token("acme", "routing-service", "automation")
                .claim("groups", List.of()).claim("name", "Automation").sign());

        assertThat(caller.role()).isEqualTo(Role.AUTOMATION);
        assertThat(caller.userId()).isEqualTo("routing-service");
        assertThat(caller.groups()).isEmpty();
        assertThat(caller.scopes()).isEmpty();
        assertThat(caller.actsForOrganisation()).isTrue();
        assertThat(caller.isStaff()).isFalse();
    }

    @Test
    void rolesTheContractDoesNotKnowYetStandBesideTheKnownOne() {
        assertThat(tokens.verify(TestTokens.token("acme", "maria", "agent")
                .claim("roles", List.of("agent", "reporting")).sign()).role()).isEqualTo(Role.AGENT);
    }

    @Test
    void theAuthorizationHeaderMustCarryABearerToken() {
        assertThat(tokens.verifyAuthorization("bearer " + TestTokens.valid("acme", "maria", "agent")).userId())
                .isEqualTo("maria");
        assertThatThrownBy(() -> tokens.verifyAuthorization("Basic YWRhOnNlY3JldA=="))
                .isInstanceOf(InvalidAccessToken.class)
                .hasMessage("the Authorization header must be 'Bearer <access token>'");
    }

    @Test
    void withoutAnyTokenTheChallengeIsBareAndABadTokenIsNamedInIt() {
        InvalidAccessToken missing = refusal(() -> tokens.verifyAuthorization(null));
        assertThat(missing.isMissing()).isTrue();
        assertThat(missing.getMessage()).startsWith("sign in: this request needs an access token");
        assertThat(missing.challenge()).isEqualTo("Bearer");

        InvalidAccessToken bad = refusal(() -> tokens.verifyAuthorization("Bearer not-a-jwt"));
        assertThat(bad.isMissing()).isFalse();
        assertThat(bad.challenge())
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"the access token is not a signed JWT\"");
    }

    @Test
    void aKeySetThatIsNotOneIsRefusedWhenTheVerifierIsBuilt() {
        assertThatThrownBy(() -> AccessTokenVerifier.create("autocrm-gateway", "autocrm", UNUSED_JWKS_URI, "{nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autocrm.identity.jwks");
        assertThatThrownBy(() -> AccessTokenVerifier.create("autocrm-gateway", "autocrm",
                URI.create("gateway/jwks.json"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autocrm.identity.jwks-uri");
    }

    private InvalidAccessToken refusal(Runnable verifying) {
        try {
            verifying.run();
        } catch (InvalidAccessToken refused) {
            return refused;
        }
        throw new AssertionError("the token was accepted");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOf(InvalidAccessToken.class).hasMessageContaining(reason);
    }
}
