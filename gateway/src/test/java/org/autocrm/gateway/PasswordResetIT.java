package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.autocrm.gateway.support.Identities;
import org.autocrm.gateway.support.Mailbox;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.onetime.OneTimeTokens;
import org.autocrm.identity.onetime.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Password reset by emailed token, against the real MongoDB stand-in and GreenMail: the request never
 * tells whether the account exists, the token arrives by SMTP, works once and ends every session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "autocrm.identity.address-throttle.max-failures=100000",
        "autocrm.identity.account-email.throttle.max-requests=100000",
        "autocrm.identity.account-email.password-reset-url=https://support.acme.example/reset-password",
        "autocrm.identity.account-email.from=AutoCRM Acme <support@acme.example>",
        "autocrm.gateway.rate-limit.enabled=false"})
class PasswordResetIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Autowired
    private WebTestClient client;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private OneTimeTokens oneTimeTokens;

    private Identities identities;
    private String tenant;

    @BeforeEach
    void newTenant() {
        identities = new Identities(context);
        tenant = identities.newTenant();
    }

    @Test
    void answersAlikeWhetherOrNotTheAccountExistsAndMailsOnlyAnExistingOne() {
        Account agent = identities.user(tenant, "agent");
        String stranger = "nobody-" + tenant + "@example.test";

        Map<String, Object> unknownEmail = requestReset(tenant, stranger).expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        Map<String, Object> unknownTenant = requestReset("no-such-" + tenant, agent.email()).expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        Map<String, Object> known = requestReset(tenant, agent.email().toUpperCase()).expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(unknownEmail).isEqualTo(known);
        assertThat(unknownTenant).isEqualTo(known);
        Mailbox.Mail mail = Mailbox.awaitMessage(agent.email(), 1);
        assertThat(mail.subject()).isEqualTo("Reset your AutoCRM password");
        assertThat(mail.from()).contains("support@acme.example");
        assertThat(mail.text()).contains("https://support.acme.example/reset-password#token=" + mail.token())
                .contains("30 minutes");
        assertThat(Mailbox.messagesTo(stranger)).isEmpty();
    }

    @Test
    void theTokenSetsANewPasswordOnceEndsEverySessionAndTheLockout() {
        Account agent = identities.user(tenant, "agent");
        Map<String, Object> session = login(agent.email(), Identities.PASSWORD).expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(agent.email(), "wrong " + attempt).expectStatus().isUnauthorized();
        }
        login(agent.email(), Identities.PASSWORD).expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);

        requestReset(tenant, agent.email()).expectStatus().isAccepted();
        String token = Mailbox.awaitMessage(agent.email(), 1).token();
        confirm(token, "short").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        confirm(token, NEW_PASSWORD).expectStatus().isNoContent();

        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + session.get("accessToken")).exchange()
                .expectStatus().isUnauthorized();
        client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", session.get("refreshToken"))).exchange()
                .expectStatus().isUnauthorized();
        login(agent.email(), Identities.PASSWORD).expectStatus().isUnauthorized();
        login(agent.email(), NEW_PASSWORD).expectStatus().isOk();
        confirm(token, "yet another passphrase").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("This reset link is unknown, expired or already used; ask for a new one.");
        login(agent.email(), NEW_PASSWORD).expectStatus().isOk();

        Account admin = identities.user(tenant, "admin");
        client.get().uri("/api/admin/audit?userId=" + agent.id()).header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.type == 'password_reset_requested')].clientAddress").isEqualTo("127.0.0.1")
                .jsonPath("$.items[?(@.type == 'password_reset')].email").isEqualTo(agent.email());
    }

    @Test
    void aNewerResetMakesNoDifferenceToAnUnusedOlderTokenButAResetSpendsThemAll() {
        Account lead = identities.user(tenant, "team_lead");
        String older = oneTimeTokens.issue(tenant, lead.id(), Purpose.PASSWORD_RESET, Duration.ofMinutes(30));
        String newer = oneTimeTokens.issue(tenant, lead.id(), Purpose.PASSWORD_RESET, Duration.ofMinutes(30));

        confirm(newer, NEW_PASSWORD).expectStatus().isNoContent();

        confirm(older, "someone else's password").expectStatus().isBadRequest();
        login(lead.email(), NEW_PASSWORD).expectStatus().isOk();
    }

    @Test
    void expiredMadeUpAndOtherPurposeTokensAreRefusedWith400AndChangeNothing() {
        Account customer = identities.customer(tenant, "cust-" + tenant);
        String expired = oneTimeTokens.issue(tenant, customer.id(), Purpose.PASSWORD_RESET, Duration.ofSeconds(-1));
        String signInLink = oneTimeTokens.issue(tenant, customer.id(), Purpose.SIGN_IN_LINK, Duration.ofMinutes(15));

        confirm(expired, NEW_PASSWORD).expectStatus().isBadRequest();
        confirm(signInLink, NEW_PASSWORD).expectStatus().isBadRequest();
        confirm("made-up-token", NEW_PASSWORD).expectStatus().isBadRequest();
        client.post().uri("/api/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        requestReset(tenant, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Send tenant and email.");

        login(customer.email(), Identities.PASSWORD).expectStatus().isOk();
        login(customer.email(), NEW_PASSWORD).expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec requestReset(String tenant, String email) {
        Map<String, String> body = new java.util.HashMap<>();
        body.put("tenant", tenant);
        body.put("email", email);
        return client.post().uri("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec confirm(String token, String newPassword) {
        return client.post().uri("/api/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", newPassword)).exchange();
    }

    private WebTestClient.ResponseSpec login(String email, String password) {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenant", tenant, "email", email, "password", password)).exchange();
    }

    /** Its own gateway with a low limit of email requests per address. */
    @Nested
    @TestPropertySource(properties = "autocrm.identity.account-email.throttle.max-requests=2")
    class WhenOneAddressAsksForManyEmails {

        @Autowired
        private WebTestClient client;

        @Test
        void answers429WithRetryAfterOnceTheAddressUsedUpItsRequests() {
            for (int request = 1; request <= 2; request++) {
                client.post().uri("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("tenant", tenant, "email", "someone" + request + "@example.test"))
                        .exchange().expectStatus().isAccepted();
            }
            client.post().uri("/api/auth/sign-in-link").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("tenant", tenant, "email", "someone3@example.test"))
                    .exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
