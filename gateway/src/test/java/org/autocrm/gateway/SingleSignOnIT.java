package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.autocrm.gateway.support.Identities;
import org.autocrm.identity.admin.CreateUser;
import org.autocrm.identity.admin.ManagingUsers;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Group;
import org.autocrm.identity.directory.Tenant;
import org.autocrm.identity.directory.TenantSettings;
import org.autocrm.identity.singlesignon.StubOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Single sign-on through the gateway against {@link StubOidcProvider}, a real HTTP server acting as
 * two tenants' OpenID Connect provider, with the gateway's real MongoDB stand-in: a browser's round
 * trip (start, provider, callback with the state cookie), linking, provisioning, role and group
 * mapping, and the refusals.
 */
@SuppressWarnings("unchecked")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "autocrm.gateway.rate-limit.enabled=false",
        "autocrm.identity.sso.landing-url=https://support.acme.example/signed-in"})
class SingleSignOnIT {

    /** Existing users only. */
    private static final String LINKING = "sso-link";
    /** Creates unknown users on their first sign-in. */
    private static final String PROVISIONING = "sso-jit";
    private static final StubOidcProvider PROVIDER = startProvider();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void providerOfBothTenants(DynamicPropertyRegistry registry) {
        for (String tenant : List.of(LINKING, PROVISIONING)) {
            String prefix = "autocrm.identity.sso.tenants." + tenant + ".";
            registry.add(prefix + "issuer", () -> PROVIDER.issuer().toString());
            registry.add(prefix + "client-id", () -> StubOidcProvider.CLIENT_ID);
            registry.add(prefix + "client-secret", () -> StubOidcProvider.CLIENT_SECRET);
            registry.add(prefix + "redirect-uri", () -> "https://autocrm.example/api/auth/sso/" + tenant + "/callback");
            registry.add(prefix + "provision-unknown-users", () -> Boolean.toString(tenant.equals(PROVISIONING)));
            registry.add(prefix + "claims.role-map.[support-staff]", () -> "agent");
            registry.add(prefix + "claims.role-map.[support-leads]", () -> "team_lead");
            registry.add(prefix + "claims.role-map.[portal-users]", () -> "customer");
            registry.add(prefix + "claims.group-map.[emea-tier-1]", () -> "tier-1");
            registry.add(prefix + "claims.group-map.[billing-team]", () -> "billing");
        }
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Autowired
    private WebTestClient client;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private Directory directory;
    @Autowired
    private ManagingUsers users;
    @Autowired
    private Clock clock;

    private String email;
    private String subject;

    @BeforeEach
    void aPersonAtTheProvider() {
        for (String tenant : List.of(LINKING, PROVISIONING)) {
            directory.createTenant(new Tenant(tenant, "Tenant " + tenant, TenantSettings.defaults(), clock.instant()));
            directory.createGroup(Group.of(tenant, "tier-1", "Tier 1", clock.instant()));
            directory.createGroup(Group.of(tenant, "billing", "Billing", clock.instant()));
        }
        email = "dana-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        subject = UUID.randomUUID().toString();
        atProvider(List.of("support-staff"), List.of("emea-tier-1"));
    }

    @Test
    void linksTheExistingUserByVerifiedEmailAndTakesRoleAndGroupsFromTheProvider() throws Exception {
        Account agent = users.create(LINKING, new CreateUser(email, "Dana", "agent", List.of("billing"),
                Identities.PASSWORD, null), "test", "system");
        atProvider(List.of("support-staff", "support-leads"), List.of("emea-tier-1", "not-mapped"));

        Map<String, Object> tokens = signIn(LINKING).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        JWTClaimsSet claims = SignedJWT.parse((String) tokens.get("accessToken")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(agent.id());
        assertThat(claims.getStringClaim("tenant")).isEqualTo(LINKING);
        assertThat(claims.getStringListClaim("roles")).containsExactly("team_lead");
        assertThat(claims.getStringListClaim("groups")).containsExactly("tier-1");
        client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", tokens.get("refreshToken"))).exchange().expectStatus().isOk();

        // the email changes at the provider; the link by issuer and subject still finds Dana
        PROVIDER.idTokenClaims = c -> c.subject(subject).claim("email", "dana.scully@acme.example")
                .claim("roles", List.of("support-staff")).claim("groups", List.of());
        Map<String, Object> again = signIn(LINKING).expectStatus().isOk().expectBody(JSON_OBJECT).returnResult()
                .getResponseBody();
        JWTClaimsSet second = SignedJWT.parse((String) again.get("accessToken")).getJWTClaimsSet();
        assertThat(second.getSubject()).isEqualTo(agent.id());
        assertThat(second.getStringListClaim("roles")).containsExactly("agent");

        Account admin = new Identities(context).user(LINKING, "admin");
        client.get().uri("/api/admin/audit?userId=" + agent.id())
                .header(HttpHeaders.AUTHORIZATION, new Identities(context).bearer(admin)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.type == 'sso_account_linked')].detail.subject").isEqualTo(subject)
                .jsonPath("$.items[?(@.type == 'login_succeeded')].detail.method")
                .value(methods -> assertThat((List<String>) methods).containsOnly("sso").hasSize(2))
                .jsonPath("$.items[?(@.type == 'role_changed')].detail.role")
                .value(roles -> assertThat((List<String>) roles).containsExactly("agent", "team_lead"));
    }

    @Test
    void provisionsAnUnknownStaffUserWhereTheTenantAllowsItAndRefusesOneWhereItDoesNot() {
        signIn(LINKING).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("no AutoCRM account"));

        Map<String, Object> tokens = signIn(PROVISIONING).expectStatus().isOk().expectBody(JSON_OBJECT).returnResult()
                .getResponseBody();
        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("accessToken")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.name").isEqualTo("Dana Scully")
                .jsonPath("$.roles[0]").isEqualTo("agent")
                .jsonPath("$.groups[0]").isEqualTo("tier-1");
        // no password was ever set: a password login cannot reach this account
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenant", PROVISIONING, "email", email, "password", "anything at all")).exchange()
                .expectStatus().isUnauthorized();
        signIn(PROVISIONING).expectStatus().isOk();
        assertThat(directory.accounts(PROVISIONING).stream().filter(a -> a.email().equals(email))).hasSize(1);

        atProvider(List.of("portal-users"), List.of());
        email = "customer-" + email;
        PROVIDER.idTokenClaims = c -> c.subject(UUID.randomUUID().toString()).claim("email", email)
                .claim("roles", List.of("portal-users"));
        signIn(PROVISIONING).expectStatus().isForbidden();
    }

    @Test
    void aBrowserIsSentToTheLandingPageWithTheTokensInTheFragment() throws Exception {
        users.create(LINKING, new CreateUser(email, "Dana", "agent", List.of(), Identities.PASSWORD, null), "test", "system");

        EntityExchangeResult<byte[]> result = signIn(LINKING, MediaType.TEXT_HTML).expectStatus().isFound()
                .expectBody().returnResult();

        URI landing = result.getResponseHeaders().getLocation();
        assertThat(landing.toString()).startsWith("https://support.acme.example/signed-in#access_token=");
        assertThat(landing.getRawQuery()).isNull();
        Map<String, String> fragment = StubQuery.parse(landing.getRawFragment());
        assertThat(fragment).containsKeys("access_token", "refresh_token").containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", "900");
        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + fragment.get("access_token")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE))
                .startsWith("autocrm_sso_state=;").contains("Max-Age=0");
    }

    @Test
    void theStartSetsAStateCookieAndTheCallbackRefusesAnotherBrowserAReplayAndTheProvidersRefusal() {
        users.create(LINKING, new CreateUser(email, "Dana", "agent", List.of(), Identities.PASSWORD, null), "test", "system");
        EntityExchangeResult<Void> started = client.get().uri("/api/auth/sso/" + LINKING + "/start").exchange()
                .expectStatus().isFound().expectBody(Void.class).returnResult();
        ResponseCookie cookie = started.getResponseCookies().getFirst("autocrm_sso_state");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/api/auth/sso");
        assertThat(cookie.getMaxAge().toMinutes()).isBetween(9L, 10L);
        URI toProvider = started.getResponseHeaders().getLocation();
        assertThat(toProvider.toString()).startsWith(PROVIDER.issuer() + "/authorize?");
        Map<String, String> back = authorize(toProvider);
        assertThat(back.get("state")).isEqualTo(cookie.getValue());

        callback(LINKING, back, null).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        callback(LINKING, back, "another-browsers-state").expectStatus().isBadRequest();
        callback(LINKING, back, cookie.getValue()).expectStatus().isOk();
        callback(LINKING, back, cookie.getValue()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("already used"));

        String state = client.get().uri("/api/auth/sso/" + LINKING + "/start").exchange().expectStatus().isFound()
                .expectBody(Void.class).returnResult().getResponseCookies().getFirst("autocrm_sso_state").getValue();
        client.get().uri("/api/auth/sso/" + LINKING + "/callback?error=access_denied&error_description=cancelled&state=" + state)
                .cookie("autocrm_sso_state", state).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("access_denied"));
    }

    @Test
    void aDeactivatedUserAndAnUnconfiguredTenantAreRefused() {
        Account agent = users.create(LINKING, new CreateUser(email, "Dana", "agent", List.of(), Identities.PASSWORD, null),
                "test", "system");
        directory.saveAccount(agent.withActive(false));

        signIn(LINKING).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("deactivated"));
        client.get().uri("/api/auth/sso/no-sso-here/start").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/auth/sso/no-sso-here/callback?code=x&state=y").exchange()
                .expectStatus().isNotFound();
    }

    // ------------------------------------------------------------------------------------------ a browser

    /** The whole round trip a browser makes; answers the callback's response. */
    private WebTestClient.ResponseSpec signIn(String tenant) {
        return signIn(tenant, MediaType.APPLICATION_JSON);
    }

    private WebTestClient.ResponseSpec signIn(String tenant, MediaType accept) {
        EntityExchangeResult<Void> started = client.get().uri("/api/auth/sso/" + tenant + "/start").exchange()
                .expectStatus().isFound().expectBody(Void.class).returnResult();
        String state = started.getResponseCookies().getFirst("autocrm_sso_state").getValue();
        Map<String, String> back = authorize(started.getResponseHeaders().getLocation());
        return client.get().uri("/api/auth/sso/" + tenant + "/callback?code={code}&state={state}", back.get("code"),
                        back.get("state"))
                .cookie("autocrm_sso_state", state).accept(accept).exchange();
    }

    private WebTestClient.ResponseSpec callback(String tenant, Map<String, String> back, String cookie) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/api/auth/sso/" + tenant
                + "/callback?code={code}&state={state}", back.get("code"), back.get("state")).accept(MediaType.APPLICATION_JSON);
        if (cookie != null) {
            request = request.cookie("autocrm_sso_state", cookie);
        }
        return request.exchange();
    }

    private static Map<String, String> authorize(URI toProvider) {
        try {
            return PROVIDER.authorize(toProvider);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void atProvider(List<String> roles, List<String> groups) {
        String signedInEmail = email;
        String signedInSubject = subject;
        PROVIDER.idTokenClaims = c -> c.subject(signedInSubject).claim("email", signedInEmail).claim("roles", roles)
                .claim("groups", groups);
    }

    private static StubOidcProvider startProvider() {
        try {
            return new StubOidcProvider();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a query or fragment of name=value pairs. */
    private static final class StubQuery {
        static Map<String, String> parse(String raw) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(parts.length > 1 ? parts[1] : "", java.nio.charset.StandardCharsets.UTF_8));
            }
            return values;
        }
    }
}
