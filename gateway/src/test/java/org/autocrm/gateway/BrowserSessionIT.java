package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.autocrm.gateway.support.Identities;
import org.autocrm.gateway.support.StubServices;
import org.autocrm.identity.directory.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

/**
 * The browser's session (issue 11): the refresh token lives in an httpOnly SameSite=Strict cookie that the
 * gateway sets at sign-in, rotates at every refresh and clears at sign-out; a refresh or sign-out that relies on
 * the cookie needs the CSRF token of the readable cookie as X-CSRF-Token. API clients keep using the body.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "autocrm.identity.address-throttle.max-failures=100000")
@StubServices
class BrowserSessionIT {

    @Autowired
    private WebTestClient client;
    @Autowired
    private ApplicationContext context;

    private Account agent;

    @BeforeEach
    void signedUpAgent() {
        Identities identities = new Identities(context);
        agent = identities.user(identities.newTenant(), "agent");
    }

    @Test
    void signingInSetsAnHttpOnlyStrictRefreshCookieForTheSignInPathsOnly() {
        MultiValueMap<String, ResponseCookie> cookies = login().getResponseCookies();
        ResponseCookie refresh = cookies.getFirst("autocrm_refresh");
        assertThat(refresh).isNotNull();
        assertThat(refresh.isHttpOnly()).as("page scripts cannot read the refresh token").isTrue();
        assertThat(refresh.getSameSite()).isEqualTo("Strict");
        assertThat(refresh.getPath()).isEqualTo("/api/auth");
        assertThat(refresh.isSecure()).as("plain http here; Secure when served over https").isFalse();
        assertThat(refresh.getMaxAge()).isGreaterThan(Duration.ofHours(1));
        ResponseCookie csrf = cookies.getFirst("autocrm_csrf");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).as("pages echo it as the CSRF header").isFalse();
        assertThat(csrf.getSameSite()).isEqualTo("Strict");
        assertThat(csrf.getValue()).hasSizeGreaterThan(20);
    }

    @Test
    void theCookieAndTheCsrfTokenRefreshTheSessionAndTheCookieRotates() {
        MultiValueMap<String, ResponseCookie> first = login().getResponseCookies();
        EntityExchangeResult<Map> refreshed = refresh(first.getFirst("autocrm_refresh").getValue(),
                first.getFirst("autocrm_csrf").getValue(), first.getFirst("autocrm_csrf").getValue())
                .expectStatus().isOk().expectBody(Map.class).returnResult();
        assertThat((String) refreshed.getResponseBody().get("accessToken")).isNotBlank();
        String rotated = refreshed.getResponseCookies().getFirst("autocrm_refresh").getValue();
        assertThat(rotated).isNotEqualTo(first.getFirst("autocrm_refresh").getValue());

        // the rotated-out cookie presented again is theft: refused, the session ends and the cookies are cleared
        String csrf = refreshed.getResponseCookies().getFirst("autocrm_csrf").getValue();
        EntityExchangeResult<byte[]> reused = refresh(first.getFirst("autocrm_refresh").getValue(), csrf, csrf)
                .expectStatus().isUnauthorized().expectBody().returnResult();
        assertThat(reused.getResponseCookies().getFirst("autocrm_refresh").getMaxAge()).isEqualTo(Duration.ZERO);
        refresh(rotated, csrf, csrf).expectStatus().isUnauthorized();
    }

    @Test
    void aCookieRefreshWithoutTheRightCsrfTokenIsRefusedAndLeavesTheSessionAlone() {
        MultiValueMap<String, ResponseCookie> cookies = login().getResponseCookies();
        String refresh = cookies.getFirst("autocrm_refresh").getValue();
        String csrf = cookies.getFirst("autocrm_csrf").getValue();

        refresh(refresh, csrf, null).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-CSRF-Token"));
        refresh(refresh, csrf, "forged-by-another-site").expectStatus().isForbidden();
        refresh(refresh, null, csrf).expectStatus().isForbidden();

        refresh(refresh, csrf, csrf).expectStatus().isOk();
    }

    @Test
    void signingOutWithTheCookieEndsTheSessionAndClearsBothCookies() {
        MultiValueMap<String, ResponseCookie> cookies = login().getResponseCookies();
        String refresh = cookies.getFirst("autocrm_refresh").getValue();
        String csrf = cookies.getFirst("autocrm_csrf").getValue();

        client.post().uri("/api/auth/logout").cookie("autocrm_refresh", refresh).cookie("autocrm_csrf", csrf)
                .exchange().expectStatus().isForbidden();
        EntityExchangeResult<byte[]> out = client.post().uri("/api/auth/logout").cookie("autocrm_refresh", refresh)
                .cookie("autocrm_csrf", csrf).header("X-CSRF-Token", csrf).exchange()
                .expectStatus().isNoContent().expectBody().returnResult();
        assertThat(out.getResponseCookies().getFirst("autocrm_refresh").getMaxAge()).isEqualTo(Duration.ZERO);
        assertThat(out.getResponseCookies().getFirst("autocrm_csrf").getMaxAge()).isEqualTo(Duration.ZERO);

        refresh(refresh, csrf, csrf).expectStatus().isUnauthorized();
    }

    @Test
    void apiClientsStillRefreshWithTheTokenInTheBodyAndNoCsrfToken() {
        Map<?, ?> tokens = login().getResponseBody();
        client.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", tokens.get("refreshToken"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.accessToken").isNotEmpty();
    }

    private EntityExchangeResult<Map> login() {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenant", agent.tenantId(), "email", agent.email(), "password", Identities.PASSWORD))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult();
    }

    private WebTestClient.ResponseSpec refresh(String refreshCookie, String csrfCookie, String csrfHeader) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/auth/refresh");
        request.cookie("autocrm_refresh", refreshCookie);
        if (csrfCookie != null) {
            request.cookie("autocrm_csrf", csrfCookie);
        }
        if (csrfHeader != null) {
            request.header("X-CSRF-Token", csrfHeader);
        }
        return request.exchange();
    }
}
