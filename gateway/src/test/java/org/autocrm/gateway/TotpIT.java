package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.gateway.support.Identities;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.TenantSettings;
import org.autocrm.identity.twofactor.TotpCodes;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * TOTP two-factor sign-in for staff through the gateway, on the real MongoDB stand-in: enrolling,
 * signing in with a code or a recovery code, replays refused, turning it off, and a tenant that
 * enforces it.
 */
@SuppressWarnings("unchecked")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "autocrm.identity.address-throttle.max-failures=100000",
        "autocrm.gateway.rate-limit.enabled=false"})
class TotpIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private WebTestClient client;
    @LocalServerPort
    private int port;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private Directory directory;
    @Autowired
    private MongoTemplate mongo;

    private Identities identities;
    private String tenant;

    @BeforeEach
    void newTenant() {
        identities = new Identities(context);
        tenant = identities.newTenant();
    }

    @Test
    void anAgentEnrolsAndThenNeedsAFreshCodeAtEveryLogin() {
        Account agent = identities.user(tenant, "agent", "tier-1");
        String bearer = identities.bearer(agent);

        Map<String, Object> started = client.post().uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        String secret = (String) started.get("secret");
        assertThat((String) started.get("otpauthUri"))
                .isEqualTo("otpauth://totp/AutoCRM:" + agent.email().replace("@", "%40") + "?secret=" + secret + "&issuer=AutoCRM");
        Document stored = mongo.findById(agent.id(), Document.class, "identity_totp");
        assertThat(stored.toJson()).as("the secret is encrypted at rest").doesNotContain(secret);

        login(agent, null).expectStatus().isOk(); // not on until confirmed
        confirm(bearer, "000000".equals(code(secret, 0)) ? "111111" : "000000").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> recoveryCodes = (List<String>) confirm(bearer, code(secret, 0)).expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("recoveryCodes");
        assertThat(recoveryCodes).hasSize(10).allMatch(c -> c.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
        client.post().uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isEqualTo(409);

        login(agent, null).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://autocrm.org/problems/totp-required");
        login(agent, "12345").expectStatus().isUnauthorized();
        String next = code(secret, 30);
        login(agent, next).expectStatus().isOk();
        login(agent, next).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("Wrong or already used TOTP code.");
        login(agent, recoveryCodes.get(0).toLowerCase()).expectStatus().isOk();
        login(agent, recoveryCodes.get(0)).expectStatus().isUnauthorized();

        Account admin = identities.user(tenant, "admin");
        client.get().uri("/api/admin/audit?userId=" + agent.id()).header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.type == 'totp_enabled')].detail.recoveryCodes").isEqualTo("10")
                .jsonPath("$.items[?(@.type == 'totp_code_refused')].detail.step").isEqualTo("enrol")
                .jsonPath("$.items[?(@.type == 'login_failed' && @.detail.reason == 'replayed_totp')].userId").isEqualTo(agent.id())
                // the malformed code and the recovery code used a second time
                .jsonPath("$.items[?(@.type == 'login_failed' && @.detail.reason == 'wrong_totp')].userId")
                .value(ids -> assertThat((List<String>) ids).containsExactly(agent.id(), agent.id()));
    }

    @Test
    void turningItOffNeedsACodeOrThePassword() {
        Account lead = identities.user(tenant, "team_lead");
        String bearer = identities.bearer(lead);
        String secret = enrol(bearer);

        disable(bearer, Map.of("password", "not my password")).expectStatus().isForbidden();
        disable(bearer, Map.of()).expectStatus().isBadRequest();
        login(lead, null).expectStatus().isUnauthorized();
        disable(bearer, Map.of("code", code(secret, 30))).expectStatus().isNoContent();

        login(lead, null).expectStatus().isOk();
        disable(bearer, Map.of("password", Identities.PASSWORD)).expectStatus().isEqualTo(409);
        String again = enrol(bearer);
        disable(bearer, Map.of("password", Identities.PASSWORD)).expectStatus().isNoContent();
        assertThat(again).isNotEqualTo(secret);
    }

    @Test
    void turningItOffWithoutABodyNeedsNoContentTypeButABodyMustBeJson() throws Exception {
        Account lead = identities.user(tenant, "team_lead");
        String bearer = identities.bearer(lead);
        enrol(bearer);

        // no body, no Content-Type: read as "no proof", not refused for its media type
        client.method(HttpMethod.DELETE).uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("password"));
        client.method(HttpMethod.DELETE).uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("password=" + Identities.PASSWORD).exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // a Content-Type that is no media type at all (WebClient would not send it)
        HttpResponse<String> unparseable = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/me/totp"))
                .header(HttpHeaders.AUTHORIZATION, bearer).header(HttpHeaders.CONTENT_TYPE, "nonsense")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\": \"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unparseable.statusCode()).as(unparseable.body()).isEqualTo(415);
        assertThat(unparseable.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
        client.method(HttpMethod.DELETE).uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"password\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.method(HttpMethod.DELETE).uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"password\": \"" + Identities.PASSWORD + "\"}{}")
                .exchange()
                .expectStatus().isBadRequest(); // trailing garbage is not JSON either

        disable(bearer, Map.of("password", Identities.PASSWORD)).expectStatus().isNoContent();
    }

    @Test
    void anAdminResetsTheTwoFactorOfSomeoneWhoLostTheirAuthenticator() {
        Account admin = identities.user(tenant, "admin");
        String adminBearer = identities.bearer(admin);
        Account agent = identities.user(tenant, "agent");
        String secret = enrol(identities.bearer(agent));
        String refreshToken = (String) login(agent, code(secret, 30)).expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("refreshToken");
        login(agent, null).expectStatus().isUnauthorized();

        reset(identities.bearer(identities.user(tenant, "team_lead")), agent.id()).expectStatus().isForbidden();
        reset(identities.bearer(agent), agent.id()).expectStatus().isForbidden();
        reset(identities.bearer(identities.user(identities.newTenant(), "admin")), agent.id()).expectStatus().isNotFound();
        reset(adminBearer, "no-such-user").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String adminSecret = enrol(adminBearer);
        reset(adminBearer, admin.id()).expectStatus().isEqualTo(409);
        login(admin, null).expectStatus().isUnauthorized(); // the admin's own second factor stayed on
        assertThat(adminSecret).isNotBlank();

        reset(adminBearer, agent.id()).expectStatus().isNoContent();

        login(agent, null).expectStatus().isOk(); // the password alone again
        client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange()
                .expectStatus().isUnauthorized(); // the sessions it had ended with the reset
        reset(adminBearer, agent.id()).expectStatus().isEqualTo(409); // nothing left to reset
        client.get().uri("/api/admin/audit?userId=" + agent.id()).header(HttpHeaders.AUTHORIZATION, adminBearer)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.type == 'totp_disabled')].detail.resetBy").isEqualTo("admin")
                .jsonPath("$.items[?(@.type == 'totp_disabled')].by.userId").isEqualTo(admin.id());
    }

    @Test
    void customersAndApiKeysHaveNoTwoFactor() {
        Account customer = identities.customer(tenant, "cust-" + tenant);
        client.post().uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, identities.bearer(customer)).exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/me/totp").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void whenTheTenantEnforcesItAnUnenrolledAgentGetsOnlyAnEnrolmentTokenAndCannotTurnItOff() {
        Account admin = identities.user(tenant, "admin");
        client.put().uri("/api/admin/tenant/settings").header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("requireTotp", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.settings.requireTotp").isEqualTo(true);
        Account agent = identities.user(tenant, "agent");
        Account customer = identities.customer(tenant, "cust-" + tenant);
        login(customer, null).expectStatus().isOk(); // customers are never asked for TOTP

        Map<String, Object> problem = login(agent, null).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(problem).containsEntry("type", "https://autocrm.org/problems/totp-enrolment-required")
                .containsEntry("enrolmentExpiresIn", 600);
        String enrolment = "Bearer " + problem.get("enrolmentToken");

        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, enrolment).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/admin/users").header(HttpHeaders.AUTHORIZATION, enrolment).exchange()
                .expectStatus().isUnauthorized();
        String secret = enrol(enrolment);
        client.post().uri("/api/me/totp/confirm").header(HttpHeaders.AUTHORIZATION, enrolment)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", code(secret, 30))).exchange()
                .expectStatus().isUnauthorized(); // the enrolment token is spent

        Map<String, Object> tokens = login(agent, code(secret, 30)).expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        disable("Bearer " + tokens.get("accessToken"), Map.of("password", Identities.PASSWORD)).expectStatus().isEqualTo(409);
        login(agent, null).expectStatus().isUnauthorized();
        directory.saveTenant(directory.tenant(tenant).orElseThrow().withSettings(TenantSettings.defaults()));
    }

    @Test
    void wrongCodesCountTowardsTheLockoutLikeWrongPasswords() {
        Account agent = identities.user(tenant, "agent");
        String secret = enrol(identities.bearer(agent));
        String wrong = code(secret, 0).equals("000000") ? "999999" : "000000";
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(agent, wrong).expectStatus().isUnauthorized();
        }
        login(agent, code(secret, 30)).expectStatus().isUnauthorized().expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    private WebTestClient.ResponseSpec reset(String bearer, String userId) {
        return client.method(HttpMethod.DELETE).uri("/api/admin/users/" + userId + "/totp")
                .header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    /** Enrols and confirms with the current code; returns the secret. */
    private String enrol(String bearer) {
        String secret = (String) client.post().uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody().get("secret");
        confirm(bearer, code(secret, 0)).expectStatus().isOk();
        return secret;
    }

    /** The code the app shows {@code seconds} from now (one step ahead is within the accepted window). */
    private static String code(String secret, int seconds) {
        return TotpCodes.codeAt(secret, Instant.now().plusSeconds(seconds));
    }

    private WebTestClient.ResponseSpec confirm(String bearer, String code) {
        return client.post().uri("/api/me/totp/confirm").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", code)).exchange();
    }

    private WebTestClient.ResponseSpec disable(String bearer, Map<String, String> body) {
        return client.method(HttpMethod.DELETE).uri("/api/me/totp").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec login(Account account, String totp) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("tenant", account.tenantId(), "email", account.email(),
                "password", Identities.PASSWORD));
        if (totp != null) {
            body.put("totp", totp);
        }
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
