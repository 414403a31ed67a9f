package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.autocrm.gateway.support.Identities;
import org.autocrm.gateway.support.SecurityTopic;
import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.autocrm.identity.apikey.ApiKeys;
import org.autocrm.identity.directory.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's identity against the real MongoDB stand-in and Kafka, with stub services behind it to
 * see what the gateway forwards: logging in, refreshing, logging out, which tokens and keys get through
 * and what the services receive.
 */
@SuppressWarnings("unchecked") // JSON paths answer raw lists
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // every test logs in from 127.0.0.1; the address throttle has its own test below
        "autocrm.identity.address-throttle.max-failures=100000",
        "autocrm.identity.provisioning-token=operator-secret"})
@StubServices
class IdentityIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private WebTestClient client;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private ApiKeys apiKeys;

    private Identities identities;
    private String tenant;

    @BeforeEach
    void newTenant() {
        // signing in hashes passwords: on a busy 2-core machine that takes longer than the client's default 5 s.
        // (Not @AutoConfigureWebTestClient: that client skips the server, so no request would have a peer address.)
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        identities = new Identities(context);
        tenant = identities.newTenant();
    }

    // ---------------------------------------------------------------------------------------- login

    @Test
    void logsInWithTheRightPasswordAndGetsAnRs256TokenOfTheContract() throws Exception {
        Account agent = identities.user(tenant, "agent", "tier-1");

        Map<String, Object> tokens = login(tenant, agent.email(), Identities.PASSWORD)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 900);
        assertThat((String) tokens.get("refreshToken")).isNotBlank();
        SignedJWT jwt = SignedJWT.parse((String) tokens.get("accessToken"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet jwks = JWKSet.parse(client.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is in the JWKS").isNotNull();
        assertThat(key.isPrivate()).as("the JWKS publishes only public keys").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("autocrm-gateway");
        assertThat(claims.getAudience()).containsExactly("autocrm");
        assertThat(claims.getSubject()).isEqualTo(agent.id());
        assertThat(claims.getStringClaim("tenant")).isEqualTo(tenant);
        assertThat(claims.getStringListClaim("roles")).containsExactly("agent");
        assertThat(claims.getStringListClaim("groups")).containsExactly("tier-1");
        assertThat(claims.getStringClaim("email")).isEqualTo(agent.email());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aWrongPasswordAnUnknownEmailAndAnUnknownTenantGetTheSameAnswer() {
        Account agent = identities.user(tenant, "agent");

        String wrongPassword = failedLoginDetail(tenant, agent.email(), "not the password");
        String unknownEmail = failedLoginDetail(tenant, "nobody@example.test", Identities.PASSWORD);
        String unknownTenant = failedLoginDetail("no-such-tenant", agent.email(), Identities.PASSWORD);

        assertThat(wrongPassword).isEqualTo("Wrong email or password.");
        assertThat(unknownEmail).isEqualTo(wrongPassword);
        assertThat(unknownTenant).isEqualTo(wrongPassword);
    }

    @Test
    void locksTheAccountAfterFiveWrongPasswordsEvenForTheRightOne() {
        Account agent = identities.user(tenant, "agent");
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(tenant, agent.email(), "wrong " + attempt).expectStatus().isUnauthorized()
                    .expectHeader().doesNotExist(HttpHeaders.RETRY_AFTER);
        }

        login(tenant, agent.email(), "wrong 5").expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "900");
        login(tenant, agent.email(), Identities.PASSWORD)
                .expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.detail").isEqualTo("Wrong email or password.");

        Account admin = identities.user(tenant, "admin");
        client.get().uri("/api/admin/audit?type=account_locked&userId=" + agent.id())
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].email").isEqualTo(agent.email())
                .jsonPath("$.items[0].clientAddress").isEqualTo("127.0.0.1");
    }

    @Test
    void refusesMalformedLoginsWith400() {
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"tenant\":")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"tenant\":\"x\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Send tenant, email and password.");
    }

    // ---------------------------------------------------------------------------------------- refresh and logout

    @Test
    void refreshRotatesTheTokenAndAReusedOneEndsTheWholeSession() {
        Account agent = identities.user(tenant, "agent");
        Map<String, Object> first = loggedIn(agent);

        Map<String, Object> second = refresh((String) first.get("refreshToken")).expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(second.get("refreshToken")).isNotEqualTo(first.get("refreshToken"));
        me((String) second.get("accessToken")).expectStatus().isOk();

        refresh((String) first.get("refreshToken")).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("already used"));

        refresh((String) second.get("refreshToken")).expectStatus().isUnauthorized();
        me((String) second.get("accessToken")).expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*invalid_token.*");
        Account admin = identities.user(tenant, "admin");
        client.get().uri("/api/admin/audit?type=refresh_token_reused")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange()
                .expectBody().jsonPath("$.items[0].userId").isEqualTo(agent.id());
    }

    @Test
    void logoutEndsTheSessionAndItsAccessToken() {
        Account agent = identities.user(tenant, "agent");
        Map<String, Object> tokens = loggedIn(agent);

        client.post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", tokens.get("refreshToken")))
                .exchange()
                .expectStatus().isNoContent();

        me((String) tokens.get("accessToken")).expectStatus().isUnauthorized();
        refresh((String) tokens.get("refreshToken")).expectStatus().isUnauthorized();
    }

    // ---------------------------------------------------------------------------------------- the door

    @Test
    void aRequestWithoutCredentialsIsRefusedWith401ProblemAndNeverReachesAService() {
        client.get().uri("/api/tickets")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.instance").isEqualTo("/api/tickets");

        assertThat(StubService.named("query-service").received()).isEmpty();
    }

    @Test
    void refusesTamperedExpiredForeignAndWrongAudienceTokens() throws Exception {
        Account agent = identities.user(tenant, "agent");
        String valid = identities.token(agent);
        JWTClaimsSet claims = SignedJWT.parse(valid).getJWTClaimsSet();
        var tokens = context.getBean(org.autocrm.identity.token.AccessTokens.class);

        String[] parts = valid.split("\\.");
        String tamperedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new JWTClaimsSet.Builder(claims).claim("roles", List.of("admin")).build().toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + tamperedPayload + "." + parts[2];
        String expired = tokens.signed(new JWTClaimsSet.Builder(claims)
                .expirationTime(Date.from(Instant.now().minusSeconds(60))).build());
        String wrongAudience = tokens.signed(new JWTClaimsSet.Builder(claims).audience("someone-else").build());
        String wrongIssuer = tokens.signed(new JWTClaimsSet.Builder(claims).issuer("evil").build());
        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(valid).getHeader().getKeyID()).generate();
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreignKey.getKeyID()).build(), claims);
        foreign.sign(new RSASSASigner(foreignKey));

        client.get().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + valid).exchange()
                .expectStatus().isOk();
        for (String refused : List.of(tampered, expired, wrongAudience, wrongIssuer, foreign.serialize(), "not-a-jwt")) {
            client.get().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + refused).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*invalid_token.*");
        }
        assertThat(StubService.named("query-service").received()).hasSize(1);
    }

    @Test
    void aDeactivatedUserIsRefusedAtOnceAndCannotLogInAgain() {
        Account agent = identities.user(tenant, "agent");
        Account admin = identities.user(tenant, "admin");
        String agentToken = (String) loggedIn(agent).get("accessToken");
        client.get().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + agentToken).exchange()
                .expectStatus().isOk();

        client.post().uri("/api/admin/users/" + agent.id() + "/deactivate")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);

        client.get().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + agentToken).exchange()
                .expectStatus().isUnauthorized();
        login(tenant, agent.email(), Identities.PASSWORD).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("Wrong email or password.");

        client.post().uri("/api/admin/users/" + agent.id() + "/reactivate")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange()
                .expectStatus().isOk();
        login(tenant, agent.email(), Identities.PASSWORD).expectStatus().isOk();
        client.get().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + agentToken).exchange()
                .expectStatus().isUnauthorized(); // a session ended by deactivation stays ended
    }

    @Test
    void forwardsTheTokenUnchangedAndStripsTheDevelopmentHeaders() {
        Account agent = identities.user(tenant, "agent");
        String token = identities.token(agent);

        client.post().uri("/api/tickets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-AutoCRM-Tenant", "other-tenant")
                .header("X-AutoCRM-User", "someone-else")
                .header("X-AutoCRM-Role", "admin")
                .header("X-AutoCRM-Groups", "billing")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isCreated();

        HttpHeaders received = StubService.named("ticket-service").received().get(0).headers();
        assertThat(received.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(received.keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-autocrm-"));
    }

    @Test
    void meDescribesTheCallerForStaffAndCustomers() {
        Account lead = identities.user(tenant, "team_lead", "tier-1", "billing");
        String customerId = UUID.randomUUID().toString();
        Account customer = identities.customer(tenant, customerId);

        me(identities.token(lead)).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(lead.id())
                .jsonPath("$.tenant").isEqualTo(tenant)
                .jsonPath("$.roles[0]").isEqualTo("team_lead")
                .jsonPath("$.groups.length()").isEqualTo(2)
                .jsonPath("$.email").isEqualTo(lead.email())
                .jsonPath("$.customerId").doesNotExist();
        String customerToken = identities.token(customer);
        me(customerToken).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(customerId)
                .jsonPath("$.customerId").isEqualTo(customerId)
                .jsonPath("$.roles[0]").isEqualTo("customer")
                .jsonPath("$.groups.length()").isEqualTo(0);
    }

    // ---------------------------------------------------------------------------------------- API keys

    @Test
    void anApiKeyIsShownOnceReachesTheServiceAsAMintedTokenAndOnlyItsScopes() throws Exception {
        Account admin = identities.user(tenant, "admin");
        Map<String, Object> created = client.post().uri("/api/admin/api-keys")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "CRM sync", "scopes", List.of("tickets:read")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        String key = (String) created.get("key");
        String keyId = (String) created.get("id");
        assertThat(key).startsWith("acrm_" + keyId + "_");

        client.get().uri("/api/tickets").header("X-API-Key", key).exchange().expectStatus().isOk();
        StubService.Received received = StubService.named("query-service").received().get(0);
        assertThat(received.headers().getFirst("X-API-Key")).isNull();
        JWTClaimsSet minted = SignedJWT.parse(received.headers().getFirst(HttpHeaders.AUTHORIZATION).substring(7))
                .getJWTClaimsSet();
        assertThat(minted.getSubject()).isEqualTo("key-" + keyId);
        assertThat(minted.getStringListClaim("roles")).containsExactly("api_key");
        assertThat(minted.getStringClaim("scope")).isEqualTo("tickets:read");
        assertThat(minted.getStringClaim("tenant")).isEqualTo(tenant);
        assertThat(Duration.between(minted.getIssueTime().toInstant(), minted.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));

        client.get().uri("/api/admin/users").header(HttpHeaders.AUTHORIZATION, "ApiKey " + key).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        String listed = client.get().uri("/api/admin/api-keys").header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains(keyId, "\"lastUsedAt\":\"").doesNotContain(key.substring(key.lastIndexOf('_') + 1));
    }

    @Test
    void anApiKeyWithTheAdminScopeReachesTheAdminApi() {
        Account admin = identities.user(tenant, "admin");
        String key = createKey(admin, List.of("admin"));

        client.get().uri("/api/admin/users").header("X-API-Key", key).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].tenant").isEqualTo(tenant);
    }

    @Test
    void anApiKeyExpiringPastTenYearsIsRefusedInWordsNotAServerError() {
        Account admin = identities.user(tenant, "admin");
        for (String expiresAt : List.of("+999999999-12-31T23:59:59Z", Instant.now().plus(java.time.Duration.ofDays(3_700)).toString())) {
            client.post().uri("/api/admin/api-keys").header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "far future", "scopes", List.of("tickets:read"), "expiresAt", expiresAt))
                    .exchange()
                    .expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.detail").isEqualTo("expiresAt must be within ten years from now.");
        }
    }

    @Test
    void revokedExpiredAndMadeUpKeysAreRefused() {
        Account admin = identities.user(tenant, "admin");
        String key = createKey(admin, List.of("tickets:read"));
        String keyId = key.split("_")[1];
        String expired = apiKeys.create(tenant, "old", List.of("tickets:read"), Instant.now().minusSeconds(1), "test")
                .plaintext();

        client.delete().uri("/api/admin/api-keys/" + keyId).header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange()
                .expectStatus().isNoContent();

        for (String refused : List.of(key, expired, "acrm_" + keyId + "_guessed", "acrm_nothing")) {
            client.get().uri("/api/tickets").header("X-API-Key", refused).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(StubService.named("query-service").received()).isEmpty();
        client.get().uri("/api/admin/audit?type=api_key_revoked").header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange()
                .expectBody().jsonPath("$.items[0].detail.keyId").isEqualTo(keyId);
    }

    // ---------------------------------------------------------------------------------------- admin

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /api/admin/users",
            "GET,  /api/admin/api-keys",
            "POST, /api/admin/api-keys",
            "POST, /api/admin/groups",
            "GET,  /api/admin/audit",
            "GET,  /api/admin/tenant",
            "PUT,  /api/admin/tenant/settings",
            "GET,  /api/admin/users",
            "GET,  /api/admin/groups"})
    void adminEndpointsAnswer403ToAgentsAndCustomers(HttpMethod method, String path) {
        for (Account caller : List.of(identities.user(tenant, "agent"),
                identities.customer(tenant, UUID.randomUUID().toString()))) {
            client.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, identities.bearer(caller))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void teamLeadsListUsersAndGroupsButDoNotChangeThem() {
        Account lead = identities.user(tenant, "team_lead");
        Account agent = identities.user(tenant, "agent");

        client.get().uri("/api/admin/users").header(HttpHeaders.AUTHORIZATION, identities.bearer(lead)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[0].passwordHash").doesNotExist();
        client.get().uri("/api/admin/groups").header(HttpHeaders.AUTHORIZATION, identities.bearer(lead)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly("billing", "tier-1"));
        client.put().uri("/api/admin/users/" + agent.id() + "/role").header(HttpHeaders.AUTHORIZATION, identities.bearer(lead))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "admin"))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anAdminCreatesUsersAndChangesRolesAndGroupsAndEachChangeIsAudited() {
        Account admin = identities.user(tenant, "admin");
        String userId = (String) client.post().uri("/api/admin/users").header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "New.Agent@Example.test", "name", "New Agent", "role", "agent",
                        "groups", List.of("tier-1"), "password", "a long enough password"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("id");

        login(tenant, "new.agent@example.test", "a long enough password").expectStatus().isOk();
        client.put().uri("/api/admin/users/" + userId + "/role").header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "team_lead"))
                .exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("team_lead");
        client.put().uri("/api/admin/users/" + userId + "/groups").header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("groups", List.of("billing", "no-such-group")))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("no-such-group"));
        client.post().uri("/api/admin/users").header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "new.agent@example.test", "name", "Twin", "role", "agent", "password", "another password"))
                .exchange()
                .expectStatus().isEqualTo(409);

        client.get().uri("/api/admin/audit?userId=" + userId).header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].type").value(types -> assertThat((List<Object>) types)
                        .containsExactly("role_changed", "login_succeeded", "user_created"))
                .jsonPath("$.items[0].detail.previousRole").isEqualTo("agent")
                .jsonPath("$.items[0].by.userId").isEqualTo(admin.id());
    }

    @Test
    void anotherTenantsIdsAre404() {
        Account admin = identities.user(tenant, "admin");
        String otherTenant = identities.newTenant();
        Account stranger = identities.user(otherTenant, "agent");
        String strangersKey = apiKeys.create(otherTenant, "theirs", List.of("tickets:read"), Instant.now().plusSeconds(600),
                "test").key().id();

        String bearer = identities.bearer(admin);
        client.get().uri("/api/admin/users/" + stranger.id()).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/api/admin/users/" + stranger.id() + "/deactivate").header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isNotFound();
        client.put().uri("/api/admin/users/" + stranger.id() + "/role").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "admin"))
                .exchange().expectStatus().isNotFound();
        client.delete().uri("/api/admin/api-keys/" + strangersKey).header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isNotFound();
        client.get().uri("/api/admin/users").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(admin.id()));
        login(otherTenant, stranger.email(), Identities.PASSWORD).expectStatus().isOk();
    }

    @Test
    void theOperatorProvisionsFurtherTenantsWithItsToken() {
        String newTenant = "p-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> request = Map.of("tenant", newTenant, "email", "owner@" + newTenant + ".example",
                "name", "Owner", "password", "owner password");

        client.post().uri("/api/auth/tenants").header("X-Provisioning-Token", "guessed")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isUnauthorized();
        client.post().uri("/api/auth/tenants").header("X-Provisioning-Token", "operator-secret")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isCreated();
        client.post().uri("/api/auth/tenants").header("X-Provisioning-Token", "operator-secret")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isEqualTo(409);

        login(newTenant, "owner@" + newTenant + ".example", "owner password").expectStatus().isOk();
    }

    // ---------------------------------------------------------------------------------------- audit on Kafka

    @Test
    void securityEventsArePublishedOnKafkaKeyedByTenantInTheContractEnvelope() throws Exception {
        Account agent = identities.user(tenant, "agent");
        login(tenant, agent.email(), "wrong password").expectStatus().isUnauthorized();
        loggedIn(agent);

        List<JsonNode> events = SecurityTopic.eventsOf(tenant, 3);

        assertThat(events).extracting(event -> event.at("/data/kind").asText())
                .containsExactly("user_created", "login_failed", "login_succeeded");
        JsonNode failed = events.get(1);
        assertThat(failed.path("type").asText()).isEqualTo("autocrm.security.event_recorded.v1");
        assertThat(failed.path("source").asText()).isEqualTo("/autocrm/gateway");
        assertThat(failed.path("subject").asText()).isEqualTo(tenant);
        assertThat(failed.path("tenantId").asText()).isEqualTo(tenant);
        assertThat(failed.path("sequence").asLong()).isEqualTo(1);
        assertThat(failed.at("/data/userId").asText()).isEqualTo(agent.id());
        assertThat(failed.at("/data/detail/reason").asText()).isEqualTo("wrong_password");
        assertThat(failed.at("/data/by/role").asText()).isEqualTo("agent");
        assertThat(failed.path("id").asText()).isEqualTo(failed.at("/data/auditId").asText());
    }

    // ---------------------------------------------------------------------------------------- helpers

    private WebTestClient.ResponseSpec login(String tenant, String email, String password) {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenant", tenant, "email", email, "password", password))
                .exchange();
    }

    private Map<String, Object> loggedIn(Account account) {
        return login(account.tenantId(), account.email(), Identities.PASSWORD).expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    private String failedLoginDetail(String tenant, String email, String password) {
        return (String) login(tenant, email, password)
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("detail");
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    private WebTestClient.ResponseSpec me(String accessToken) {
        return client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).exchange();
    }

    private String createKey(Account admin, List<String> scopes) {
        return (String) client.post().uri("/api/admin/api-keys")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "integration", "scopes", scopes))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("key");
    }

    /** Its own gateway with a low per-address limit. */
    @Nested
    @TestPropertySource(properties = "autocrm.identity.address-throttle.max-failures=3")
    class WhenOneAddressGuessesManyPasswords {

        @Autowired
        private WebTestClient client;

        @Test
        void answers429WithRetryAfterOnceTheAddressUsedUpItsFailures() {
            for (int attempt = 1; attempt <= 3; attempt++) {
                client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("tenant", tenant, "email", "guess" + attempt + "@example.test", "password", "x"))
                        .exchange()
                        .expectStatus().isUnauthorized();
            }
            client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("tenant", tenant, "email", "guess4@example.test", "password", "x"))
                    .exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
