package org.autocrm.identity.singlesignon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.PlainJWT;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.autocrm.access.Role;
import org.autocrm.identity.singlesignon.OidcSettings.ClaimMappings;
import org.autocrm.identity.singlesignon.OidcSettings.ClientAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SsoLoginTest {

    private static final Duration BLOCK = Duration.ofSeconds(20);
    private static final String TENANT = "acme";

    private StubOidcProvider provider;
    private MutableClock clock;
    private SsoLogin sso;
    private OidcSettings settings;

    @BeforeEach
    void startProvider() throws Exception {
        provider = new StubOidcProvider();
        clock = new MutableClock(Instant.now());
        // generous: other builds share this machine's two cores
        sso = ssoLogin(Duration.ofSeconds(5));
        settings = settings(ClientAuthentication.CLIENT_SECRET_BASIC,
                new ClaimMappings(null, null, null, null,
                        Map.of("support-staff", "agent", "support-leads", "team_lead", "it-admins", "admin"),
                        Map.of("emea-tier-1", "tier-1", "billing-team", "billing"), null));
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void signsInAndMapsTheStrongestRoleAndKnownGroups() throws IOException {
        provider.idTokenClaims = claims -> claims
                .claim("roles", List.of("support-staff", "support-leads", "somebody-else"))
                .claim("groups", List.of("emea-tier-1", "billing-team", "not-mapped"));

        ExternalIdentity identity = signIn(settings);

        assertThat(identity).isEqualTo(new ExternalIdentity(TENANT, provider.issuer().toString(),
                StubOidcProvider.SUBJECT, "dana@acme.example", "Dana Scully", Role.TEAM_LEAD, List.of("tier-1", "billing")));
        assertThat(provider.lastClientAuthentication).isEqualTo("client_secret_basic");
    }

    @Test
    void sendsTheBrowserToTheProviderWithPkceStateAndNonce() {
        AuthorizationRedirect redirect = sso.start(TENANT, settings).block(BLOCK);

        Map<String, String> query = query(redirect.location());
        assertThat(redirect.location().toString()).startsWith(provider.issuer() + "/authorize?");
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", StubOidcProvider.CLIENT_ID)
                .containsEntry("redirect_uri", "https://autocrm.example/api/auth/sso/acme/callback")
                .containsEntry("scope", "openid email profile")
                .containsEntry("state", redirect.state())
                .containsEntry("code_challenge_method", "S256");
        assertThat(query.get("nonce")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(redirect.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void everySignInGetsItsOwnStateAndNonce() {
        Map<String, String> one = query(sso.start(TENANT, settings).block(BLOCK).location());
        Map<String, String> two = query(sso.start(TENANT, settings).block(BLOCK).location());

        assertThat(one.get("state")).isNotEqualTo(two.get("state"));
        assertThat(one.get("nonce")).isNotEqualTo(two.get("nonce"));
        assertThat(one.get("code_challenge")).isNotEqualTo(two.get("code_challenge"));
    }

    @Test
    void canSendTheClientSecretInTheFormInstead() throws IOException {
        ExternalIdentity identity = signIn(settings(ClientAuthentication.CLIENT_SECRET_POST, settings.claims()));

        assertThat(identity.role()).isEqualTo(Role.AGENT);
        assertThat(provider.lastClientAuthentication).isEqualTo("client_secret_post");
    }

    @Test
    void readsRolesFromANestedClaim() throws IOException {
        provider.idTokenClaims = claims -> claims.claim("roles", null)
                .claim("realm_access", Map.of("roles", List.of("it-admins")));
        ClaimMappings keycloak = new ClaimMappings(null, null, "realm_access.roles", null,
                Map.of("it-admins", "admin"), Map.of(), null);

        assertThat(signIn(settings(ClientAuthentication.CLIENT_SECRET_BASIC, keycloak)).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void givesTheDefaultRoleWhenNothingMaps() throws IOException {
        provider.idTokenClaims = claims -> claims.claim("roles", List.of("contractors")).claim("groups", null);
        ClaimMappings withDefault = new ClaimMappings(null, null, null, null, Map.of("support-staff", "agent"),
                Map.of(), "customer");

        ExternalIdentity identity = signIn(settings(ClientAuthentication.CLIENT_SECRET_BASIC, withDefault));

        assertThat(identity.role()).isEqualTo(Role.CUSTOMER);
        assertThat(identity.groups()).isEmpty();
    }

    @Test
    void refusesWhenNothingMapsAndThereIsNoDefaultRole() {
        provider.idTokenClaims = claims -> claims.claim("roles", List.of("contractors"));

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.NOT_PERMITTED, "contractors");
    }

    @Test
    void refusesAnEmailTheProviderHasNotVerified() {
        provider.idTokenClaims = claims -> claims.claim("email_verified", false);

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.NOT_PERMITTED, "not verified");
    }

    @Test
    void refusesATamperedIdToken() {
        // the payload now says admin, the signature still covers the agent
        provider.idTokenAfterSigning = token -> {
            String[] parts = token.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("support-staff", "it-admins");
            return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        };

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.INVALID_ID_TOKEN, "signature");
    }

    @Test
    void refusesAnIdTokenSignedWithAKeyTheProviderDoesNotPublish() throws Exception {
        provider.signWithUnpublishedKey();

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.INVALID_ID_TOKEN, "signature");
    }

    @Test
    void refusesAnUnsignedIdToken() {
        provider.idTokenAfterSigning = token -> {
            try {
                return new PlainJWT(com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet()).serialize();
            } catch (java.text.ParseException impossible) {
                throw new IllegalStateException(impossible);
            }
        };

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.INVALID_ID_TOKEN, "not signed");
    }

    @Test
    void refusesAnIdTokenForAnotherClient() {
        provider.idTokenClaims = claims -> claims.audience("someone-elses-app");

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.INVALID_ID_TOKEN, "meant for");
    }

    @Test
    void refusesSeveralAudiencesUnlessWeAreTheAuthorizedParty() throws IOException {
        provider.idTokenClaims = claims -> claims.audience(List.of(StubOidcProvider.CLIENT_ID, "another-api"));
        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.INVALID_ID_TOKEN, "authorized party");

        provider.idTokenClaims = claims -> claims.audience(List.of(StubOidcProvider.CLIENT_ID, "another-api"))
                .claim("azp", StubOidcProvider.CLIENT_ID);
        assertThat(signIn(settings).subject()).isEqualTo(StubOidcProvider.SUBJECT);
    }

    @Test
    void refusesAnIdTokenOfAnotherSignIn() {
        provider.idTokenClaims = claims -> claims.claim("nonce", "nonce-of-another-sign-in");

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.INVALID_ID_TOKEN, "nonce");
    }

    @Test
    void refusesAnExpiredIdToken() {
        Instant now = Instant.now();
        provider.idTokenClaims = claims -> claims.issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(120)));

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.INVALID_ID_TOKEN, "expired");
    }

    @Test
    void refusesAnIdTokenFromAnotherIssuer() {
        provider.idTokenClaims = claims -> claims.issuer("https://evil.example");

        assertRefused(() -> signIn(settings), SsoLoginFailed.Reason.INVALID_ID_TOKEN, "issued by");
    }

    @Test
    void aCallbackWorksOnlyOnce() throws IOException {
        AuthorizationRedirect redirect = sso.start(TENANT, settings).block(BLOCK);
        Map<String, String> callback = provider.authorize(redirect.location());
        sso.complete(TENANT, settings, callback.get("code"), callback.get("state")).block(BLOCK);

        assertRefused(() -> sso.complete(TENANT, settings, callback.get("code"), callback.get("state")).block(BLOCK),
                SsoLoginFailed.Reason.STATE_INVALID, "already used");
    }

    @Test
    void aFailedCallbackUsesUpItsStateToo() throws IOException {
        AuthorizationRedirect redirect = sso.start(TENANT, settings).block(BLOCK);
        Map<String, String> callback = provider.authorize(redirect.location());
        assertRefused(() -> sso.complete(TENANT, settings, "forged-code", callback.get("state")).block(BLOCK),
                SsoLoginFailed.Reason.PROVIDER_REFUSED, "invalid_grant");

        assertRefused(() -> sso.complete(TENANT, settings, callback.get("code"), callback.get("state")).block(BLOCK),
                SsoLoginFailed.Reason.STATE_INVALID, "start the sign-in again");
    }

    @Test
    void refusesACallbackAfterTheSignInExpired() throws IOException {
        AuthorizationRedirect redirect = sso.start(TENANT, settings).block(BLOCK);
        Map<String, String> callback = provider.authorize(redirect.location());

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertRefused(() -> sso.complete(TENANT, settings, callback.get("code"), callback.get("state")).block(BLOCK),
                SsoLoginFailed.Reason.STATE_INVALID, "expired");
    }

    @Test
    void refusesACallbackForAnotherTenantOrWithAnUnknownState() throws IOException {
        AuthorizationRedirect redirect = sso.start(TENANT, settings).block(BLOCK);
        Map<String, String> callback = provider.authorize(redirect.location());

        assertRefused(() -> sso.complete("globex", settings, callback.get("code"), callback.get("state")).block(BLOCK),
                SsoLoginFailed.Reason.STATE_INVALID, "expired");
        assertRefused(() -> sso.complete(TENANT, settings, callback.get("code"), "made-up").block(BLOCK),
                SsoLoginFailed.Reason.STATE_INVALID, "expired");
        assertRefused(() -> sso.complete(TENANT, settings, callback.get("code"), null).block(BLOCK),
                SsoLoginFailed.Reason.STATE_INVALID, "expired");
    }

    @Test
    void reportsAUserWhoCancelledAtTheProvider() {
        AuthorizationRedirect redirect = sso.start(TENANT, settings).block(BLOCK);

        assertRefused(() -> sso.refused(TENANT, redirect.state(), "access_denied", "User cancelled").block(BLOCK),
                SsoLoginFailed.Reason.PROVIDER_REFUSED, "access_denied: User cancelled");
        assertRefused(() -> sso.complete(TENANT, settings, "any", redirect.state()).block(BLOCK),
                SsoLoginFailed.Reason.STATE_INVALID, "already used");
    }

    @Test
    void readsDiscoveryAndKeysOnceForManySignIns() throws IOException {
        signIn(settings);
        signIn(settings);
        signIn(settings);

        assertThat(provider.discoveryRequests).hasValue(1);
        assertThat(provider.keySetRequests).hasValue(1);
    }

    @Test
    void picksUpAKeyTheProviderRotatedTo() throws Exception {
        signIn(settings);
        provider.rotateKey("key-2");
        clock.advance(ProviderKeys.MIN_REFRESH_INTERVAL.plusSeconds(1));

        assertThat(signIn(settings).subject()).isEqualTo(StubOidcProvider.SUBJECT);
        assertThat(provider.keySetRequests).hasValue(2);
    }

    @Test
    void triesDiscoveryAgainAfterTheProviderFailedIt() throws IOException {
        provider.discoveryFails = true;
        assertRefused(() -> sso.start(TENANT, settings).block(BLOCK), SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE,
                "answered 500");

        provider.discoveryFails = false;

        assertThat(signIn(settings).role()).isEqualTo(Role.AGENT);
        assertThat(provider.discoveryRequests).hasValue(2);
    }

    @Test
    void refusesADiscoveryDocumentOfAnotherIssuer() {
        provider.announcedIssuer = "https://evil.example";

        assertRefused(() -> sso.start(TENANT, settings).block(BLOCK), SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE,
                "evil.example");
    }

    @Test
    void aProviderThatIsDownGivesAClearErrorAtOnce() throws IOException {
        OidcSettings down = new OidcSettings(URI.create("http://127.0.0.1:" + freePort()), StubOidcProvider.CLIENT_ID,
                StubOidcProvider.CLIENT_SECRET, null, null, settings.redirectUri(), settings.claims(), false);
        long started = System.nanoTime();

        assertRefused(() -> sso.start(TENANT, down).block(BLOCK), SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE,
                "did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aProviderThatNeverAnswersTimesOut() throws IOException {
        signIn(settings); // warms this JVM's HTTP client, so the short timeout below meets only the hang
        SsoLogin impatient = ssoLogin(Duration.ofSeconds(2));
        AuthorizationRedirect redirect = impatient.start(TENANT, settings).block(BLOCK);
        Map<String, String> callback = provider.authorize(redirect.location());
        provider.tokenEndpointHangs = true;
        long started = System.nanoTime();

        assertRefused(() -> impatient.complete(TENANT, settings, callback.get("code"), callback.get("state"))
                .block(BLOCK), SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE, "token exchange");
        // the stub holds the call for 30 s; the sign-in gives up long before
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aWrongClientSecretIsReportedAsRefusedByTheProvider() throws IOException {
        OidcSettings wrongSecret = new OidcSettings(settings.issuer(), settings.clientId(), "not-the-secret", null,
                null, settings.redirectUri(), settings.claims(), false);

        assertRefused(() -> signIn(wrongSecret), SsoLoginFailed.Reason.PROVIDER_REFUSED, "invalid_client");
    }

    private SsoLogin ssoLogin(Duration timeouts) {
        return new SsoLogin(new InMemoryPendingLogins(clock), clock,
                new SsoProperties(Map.of(), timeouts, timeouts, Duration.ofMinutes(10)));
    }

    private ExternalIdentity signIn(OidcSettings with) throws IOException {
        AuthorizationRedirect redirect = sso.start(TENANT, with).block(BLOCK);
        Map<String, String> callback = provider.authorize(redirect.location());
        return sso.complete(TENANT, with, callback.get("code"), callback.get("state")).block(BLOCK);
    }

    private OidcSettings settings(ClientAuthentication authentication, ClaimMappings claims) {
        return new OidcSettings(provider.issuer(), StubOidcProvider.CLIENT_ID, StubOidcProvider.CLIENT_SECRET,
                authentication, List.of("openid", "email", "profile"),
                URI.create("https://autocrm.example/api/auth/sso/acme/callback"), claims, true);
    }

    private static void assertRefused(ThrowingCallable signIn, SsoLoginFailed.Reason reason, String messagePart) {
        assertThatThrownBy(signIn).isInstanceOfSatisfying(SsoLoginFailed.class, failure -> {
            assertThat(failure.reason()).isEqualTo(reason);
            assertThat(failure.getMessage()).contains(messagePart)
                    .doesNotContain(StubOidcProvider.CLIENT_SECRET);
        });
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2)).forEach(pair ->
                params.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return params;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
