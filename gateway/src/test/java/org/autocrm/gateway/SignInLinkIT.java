package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Map;
import org.autocrm.gateway.support.Identities;
import org.autocrm.gateway.support.Mailbox;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.onetime.OneTimeTokens;
import org.autocrm.identity.onetime.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A customer signs in to the portal with an emailed one-time link (real MongoDB stand-in and GreenMail). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "autocrm.identity.address-throttle.max-failures=100000",
        "autocrm.identity.account-email.throttle.max-requests=100000",
        "autocrm.identity.account-email.sign-in-url=https://portal.acme.example/sign-in",
        "autocrm.gateway.rate-limit.enabled=false"})
class SignInLinkIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

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
    void aCustomerSignsInOnceWithTheEmailedLinkAndGetsTheirOwnTokens() throws Exception {
        Account customer = identities.customer(tenant, "cust-" + tenant);

        requestLink(tenant, customer.email()).expectStatus().isAccepted();
        Mailbox.Mail mail = Mailbox.awaitMessage(customer.email(), 1);
        assertThat(mail.subject()).isEqualTo("Your AutoCRM sign-in link");
        assertThat(mail.text()).contains("https://portal.acme.example/sign-in#token=" + mail.token()).contains("15 minutes");

        Map<String, Object> tokens = confirm(mail.token()).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        JWTClaimsSet claims = SignedJWT.parse((String) tokens.get("accessToken")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("cust-" + tenant);
        assertThat(claims.getStringListClaim("roles")).containsExactly("customer");
        assertThat(claims.getStringClaim("customer_id")).isEqualTo("cust-" + tenant);
        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("accessToken")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.customerId").isEqualTo("cust-" + tenant);
        client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", tokens.get("refreshToken"))).exchange().expectStatus().isOk();

        confirm(mail.token()).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("This sign-in link is unknown, expired or already used; ask for a new one.");

        Account admin = identities.user(tenant, "admin");
        client.get().uri("/api/admin/audit?userId=" + customer.id()).header(HttpHeaders.AUTHORIZATION, identities.bearer(admin))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.type == 'sign_in_link_sent')].email").isEqualTo(customer.email())
                .jsonPath("$.items[?(@.type == 'login_succeeded')].detail.method").isEqualTo("sign_in_link");
    }

    @Test
    void staffUnknownAndDeactivatedAccountsGetTheSameAnswerAndNoMail() {
        Account agent = identities.user(tenant, "agent");
        Account customer = identities.customer(tenant, "cust-" + tenant);
        Account admin = identities.user(tenant, "admin");
        client.post().uri("/api/admin/users/" + customer.id() + "/deactivate")
                .header(HttpHeaders.AUTHORIZATION, identities.bearer(admin)).exchange().expectStatus().isOk();
        Account other = identities.customer(tenant, "other-" + tenant);

        Map<String, Object> forStaff = body(requestLink(tenant, agent.email()));
        Map<String, Object> forUnknown = body(requestLink(tenant, "nobody-" + tenant + "@example.test"));
        Map<String, Object> forDeactivated = body(requestLink(tenant, customer.email()));
        Map<String, Object> forOther = body(requestLink(tenant, other.email()));

        assertThat(forStaff).isEqualTo(forOther);
        assertThat(forUnknown).isEqualTo(forOther);
        assertThat(forDeactivated).isEqualTo(forOther);
        Mailbox.awaitMessage(other.email(), 1);
        assertThat(Mailbox.messagesTo(agent.email())).isEmpty();
        assertThat(Mailbox.messagesTo(customer.email())).isEmpty();
    }

    @Test
    void expiredMadeUpAndPasswordResetTokensDoNotSignIn() {
        Account customer = identities.customer(tenant, "cust-" + tenant);
        String expired = oneTimeTokens.issue(tenant, customer.id(), Purpose.SIGN_IN_LINK, Duration.ofSeconds(-1));
        String reset = oneTimeTokens.issue(tenant, customer.id(), Purpose.PASSWORD_RESET, Duration.ofMinutes(30));

        confirm(expired).expectStatus().isBadRequest();
        confirm(reset).expectStatus().isBadRequest();
        confirm("made-up").expectStatus().isBadRequest();
        client.post().uri("/api/auth/sign-in-link/confirm").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Send token.");
    }

    private Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isAccepted().expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    @Test
    void theEmailedLinkOpenedInABrowserStartsASessionThatLivesInTheCookie() throws Exception {
        Account customer = identities.customer(tenant, "cust-" + tenant);
        requestLink(tenant, customer.email()).expectStatus().isAccepted();
        Mailbox.Mail mail = Mailbox.awaitMessage(customer.email(), 1);

        var cookies = confirm(mail.token()).expectStatus().isOk().expectBody().returnResult().getResponseCookies();
        var refresh = cookies.getFirst("autocrm_refresh");
        assertThat(refresh).isNotNull();
        assertThat(refresh.isHttpOnly()).isTrue();
        assertThat(refresh.getSameSite()).isEqualTo("Strict");
        String csrf = cookies.getFirst("autocrm_csrf").getValue();
        client.post().uri("/api/auth/refresh").cookie("autocrm_refresh", refresh.getValue())
                .cookie("autocrm_csrf", csrf).header("X-CSRF-Token", csrf).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.accessToken").isNotEmpty();
    }

    private WebTestClient.ResponseSpec requestLink(String tenant, String email) {
        return client.post().uri("/api/auth/sign-in-link").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenant", tenant, "email", email)).exchange();
    }

    private WebTestClient.ResponseSpec confirm(String token) {
        return client.post().uri("/api/auth/sign-in-link/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token)).exchange();
    }
}
