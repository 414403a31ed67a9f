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
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

/**
 * Single sign-on through the gateway against {@link StubOidcProvider}, a real HTTP server acting as
 * the tenants' OpenID Connect provider, with the gateway's real MongoDB stand-in: a browser's round
 * trip (start, provider, callback with the state cookie) ending in the web app's session cookie, linking,
 * provisioning, role and group mapping, and the refusals; two tenants' providers come from properties, others'
 * from the settings their admins store ({@code /api/admin/tenant/sso}).
 */
@SuppressWarnings("unchecked")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "autocrm.gateway.rate-limit.enabled=false")
class SingleSignOnIT {

    /** Existing users only. */
    private static final String LINKING = "sso-link";
    /** Creates unknown users on their first sign-in. */
    private static final String PROVISIONING = "sso-jit";
    private static final StubOidcProvider PROVIDER = startProvider();
    /** What a browser's navigation accepts. */
    private static final MediaType BROWSER = MediaType.parseMediaType("text/html");
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
    @Autowired
    private MongoTemplate mongo;

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
    void aBrowserLandsInTheWorkspaceSignedInByTheSessionCookieWithNoTokenInTheAddress() {
        users.create(LINKING, new CreateUser(email, "Dana", "agent", List.of(), Identities.PASSWORD, null), "test", "system");

        EntityExchangeResult<byte[]> result = signIn(LINKING, BROWSER).expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().returnResult();

        assertThat(result.getResponseHeaders().getLocation()).hasToString("/app");
        assertThat(result.getResponseBody()).isNullOrEmpty();
        MultiValueMap<String, ResponseCookie> cookies = result.getResponseCookies();
        assertThat(cookies.getFirst("autocrm_sso_state").getMaxAge()).isZero();
        ResponseCookie refresh = cookies.getFirst("autocrm_refresh");
        assertThat(refresh.isHttpOnly()).as("page scripts cannot read the refresh token").isTrue();
        assertThat(refresh.getSameSite()).isEqualTo("Strict");
        assertThat(refresh.getPath()).isEqualTo("/api/auth");
        String csrf = cookies.getFirst("autocrm_csrf").getValue();
        // what the web app does on /app: restore the session from the cookie, sending the CSRF token back
        Map<String, Object> restored = client.post().uri("/api/auth/refresh").cookie("autocrm_refresh", refresh.getValue())
                .cookie("autocrm_csrf", csrf).header("X-CSRF-Token", csrf).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + restored.get("accessToken")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);
    }

    @Test
    void aBrowserThatIsRefusedOrCannotStartLandsOnTheSignInPageWithTheReason() {
        EntityExchangeResult<byte[]> refused = signIn(LINKING, BROWSER).expectStatus().isFound().expectBody().returnResult();
        assertThat(refused.getResponseHeaders().getLocation()).hasToString("/?sso=not-permitted");
        assertThat(refused.getResponseCookies()).doesNotContainKey("autocrm_refresh");

        client.get().uri("/api/auth/sso/no-sso-here/start").accept(BROWSER).exchange()
                .expectStatus().isFound().expectHeader().location("/?sso=not-configured");
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

    // ------------------------------------------------------------------------- settings an admin stores

    @Test
    void anAdminSetsUpTheProviderItsUsersSignInThroughItAndTurningItOffEndsThat() {
        Identities identities = new Identities(context);
        String tenant = identities.newTenant();
        String admin = identities.bearer(identities.user(tenant, "admin"));
        users.create(tenant, new CreateUser(email, "Dana", "agent", List.of(), Identities.PASSWORD, null), "test", "system");
        client.get().uri("/api/auth/sso/" + tenant).exchange().expectStatus().isOk()
                .expectBody().json("{\"offered\":false,\"displayName\":null}", true);
        client.get().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.configured").isEqualTo(false);

        String saved = client.put().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(settings(tenant, StubOidcProvider.CLIENT_SECRET))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(saved).doesNotContain(StubOidcProvider.CLIENT_SECRET).contains("\"clientSecretSet\":true")
                .contains("\"source\":\"admin\"").contains("\"issuer\":\"" + PROVIDER.issuer() + "\"");
        String read = client.get().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(read).doesNotContain(StubOidcProvider.CLIENT_SECRET).contains("\"configured\":true")
                .contains("\"roleMap\":{\"support-staff\":\"agent\"}");
        assertThat(mongo.findById(tenant, Document.class, "identity_sso_settings").toJson())
                .as("the secret is stored sealed").doesNotContain(StubOidcProvider.CLIENT_SECRET);
        client.get().uri("/api/auth/sso/" + tenant).exchange().expectStatus().isOk()
                .expectBody().json("{\"offered\":true,\"displayName\":\"Acme Login\"}", true);

        // a browser round trip through the stored settings: the session cookie, no token in the address
        EntityExchangeResult<byte[]> landed = signIn(tenant, BROWSER).expectStatus().isFound().expectBody().returnResult();
        assertThat(landed.getResponseHeaders().getLocation()).hasToString("/app");
        assertThat(landed.getResponseCookies().getFirst("autocrm_refresh").getValue()).isNotBlank();

        // changed without the secret: the stored one stays and still signs in
        Map<String, Object> renamed = settings(tenant, null);
        renamed.put("displayName", "Acme SSO");
        client.put().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(renamed).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.clientSecretSet").isEqualTo(true)
                .jsonPath("$.displayName").isEqualTo("Acme SSO");
        Map<String, Object> tokens = signIn(tenant).expectStatus().isOk().expectBody(JSON_OBJECT).returnResult()
                .getResponseBody();
        assertThat(tokens).containsKeys("accessToken", "refreshToken");

        client.delete().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.configured").isEqualTo(false);
        client.get().uri("/api/auth/sso/" + tenant).exchange().expectBody().jsonPath("$.offered").isEqualTo(false);
        client.get().uri("/api/auth/sso/" + tenant + "/start").exchange().expectStatus().isNotFound();

        String audit = client.get().uri("/api/admin/audit?type=tenant_settings_changed")
                .header(HttpHeaders.AUTHORIZATION, admin).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(audit).doesNotContain(StubOidcProvider.CLIENT_SECRET);
        client.get().uri("/api/admin/audit?type=tenant_settings_changed").header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectBody()
                .jsonPath("$.items[*].detail.setting").value(settings -> assertThat((List<String>) settings)
                        .containsOnly("sso").hasSize(3))
                .jsonPath("$.items[*].detail.change").value(changes -> assertThat((List<String>) changes)
                        .containsExactly("removed", "saved", "saved"))
                .jsonPath("$.items[*].detail.clientSecret").value(secret -> assertThat((List<String>) secret)
                        .containsExactly("kept", "replaced"))
                .jsonPath("$.items[*].by.role").value(roles -> assertThat((List<String>) roles).containsOnly("admin"));
    }

    @Test
    void storedSettingsWinOverThePropertiesAndTurningThemOffGivesThePropertiesBack() {
        String admin = new Identities(context).bearer(new Identities(context).user(LINKING, "admin"));
        client.get().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.source").isEqualTo("properties")
                .jsonPath("$.clientId").isEqualTo(StubOidcProvider.CLIENT_ID)
                .jsonPath("$.clientSecretSet").isEqualTo(true)
                .jsonPath("$.clientSecret").doesNotExist();
        Map<String, Object> other = settings(LINKING, "another secret");
        other.put("clientId", "another-client");
        try {
            client.put().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(other).exchange().expectStatus().isOk();
            assertThat(startsWithClient(LINKING)).isEqualTo("another-client");
        } finally {
            client.delete().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.source").isEqualTo("properties");
        }
        assertThat(startsWithClient(LINKING)).isEqualTo(StubOidcProvider.CLIENT_ID);
    }

    @Test
    void badSettingsAreProblemsNamingTheFieldAndOnlyAdminsMayTouchThem() {
        Identities identities = new Identities(context);
        String tenant = identities.newTenant();
        String admin = identities.bearer(identities.user(tenant, "admin"));
        client.put().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.put().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"issuer\": ").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Map<String, Object>> refusals = Map.of(
                "issuer", Map.of("issuer", "http://login.acme.example"),
                "issuer ", Map.of("issuer", "login.acme.example"),
                "redirectUri", Map.of("redirectUri", "https://autocrm.example/api/auth/sso/another-tenant/callback"),
                "scopes", Map.of("scopes", List.of("email", "profile")),
                "clientSecret", Map.of("clientSecret", ""),
                "clientAuthentication", Map.of("clientAuthentication", "private_key_jwt"),
                "claims.roleMap", Map.of("claims", Map.of("roleMap", Map.of("staff", "superuser"))),
                "claims.groupMap", Map.of("claims", Map.of("groupMap", Map.of("emea", "no-such-group"))));
        refusals.forEach((field, change) -> {
            Map<String, Object> body = settings(tenant, StubOidcProvider.CLIENT_SECRET);
            body.putAll(change);
            client.put().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .as(field).contains(field.trim()));
        });
        client.get().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectBody().jsonPath("$.configured").isEqualTo(false);

        for (String role : List.of("team_lead", "agent")) {
            String bearer = identities.bearer(identities.user(tenant, role));
            client.get().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                    .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            client.put().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, bearer)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(settings(tenant, "stolen")).exchange()
                    .expectStatus().isForbidden();
            client.delete().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                    .expectStatus().isForbidden();
        }
        client.get().uri("/api/admin/tenant/sso").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/admin/tenant/sso").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectBody().jsonPath("$.configured").isEqualTo(false);
        client.get().uri("/api/admin/audit?type=tenant_settings_changed").header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    /** Settings of the stub provider for a tenant, as an admin would send them. */
    private static Map<String, Object> settings(String tenant, String secret) {
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put("displayName", "Acme Login");
        settings.put("issuer", PROVIDER.issuer().toString());
        settings.put("clientId", StubOidcProvider.CLIENT_ID);
        if (secret != null) {
            settings.put("clientSecret", secret);
        }
        settings.put("redirectUri", "https://autocrm.example/api/auth/sso/" + tenant + "/callback");
        settings.put("claims", Map.of("roleMap", Map.of("support-staff", "agent"),
                "groupMap", Map.of("emea-tier-1", "tier-1")));
        return settings;
    }

    /** The client id the start sends the browser to the provider with. */
    private String startsWithClient(String tenant) {
        URI toProvider = client.get().uri("/api/auth/sso/" + tenant + "/start").exchange().expectStatus().isFound()
                .expectBody(Void.class).returnResult().getResponseHeaders().getLocation();
        return org.springframework.web.util.UriComponentsBuilder.fromUri(toProvider).build().getQueryParams()
                .getFirst("client_id");
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
}
