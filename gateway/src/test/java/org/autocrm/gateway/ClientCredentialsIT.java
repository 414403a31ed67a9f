package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.autocrm.gateway.support.Identities;
import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.autocrm.identity.audit.AuditLog;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * {@code POST /oauth2/token}, the client-credentials grant of the automation client (routing-service), against the
 * real identity store: what a right client gets, RFC 6749's errors for everything else, and that the gateway then
 * lets the automation token through to the services like any other.
 */
// the default throttle (20 failures per 5 minutes): the few wrong secrets of the tests stay below it until the nested
// test, which JUnit runs after them, uses it up
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "autocrm.identity.automation.client-secret=" + ClientCredentialsIT.SECRET)
@StubServices
class ClientCredentialsIT {

    static final String SECRET = "s3cret-of-the-automation-client";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private WebTestClient client;
    @Autowired
    private ApplicationContext context;

    private String tenant;

    @BeforeEach
    void newTenant() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        tenant = new Identities(context).newTenant();
    }

    @Test
    void aRightClientGetsAFiveMinuteAutomationTokenForTheTenant() throws Exception {
        Map<String, Object> answer = client.post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, basic("routing-service", SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("grant_type", "client_credentials", "tenant", tenant)))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(answer).containsEntry("token_type", "Bearer").containsEntry("expires_in", 300);
        SignedJWT token = SignedJWT.parse((String) answer.get("access_token"));
        assertThat(token.verify(new RSASSAVerifier(publishedKey(token.getHeader().getKeyID())))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("routing-service");
        assertThat(claims.getStringListClaim("roles")).containsExactly("automation");
        assertThat(claims.getStringClaim("tenant")).isEqualTo(tenant);
        assertThat(claims.getStringListClaim("groups")).isEmpty();
        assertThat(claims.getStringClaim("name")).isEqualTo("Automation");
        assertThat(claims.getClaims()).doesNotContainKey("sid");
        assertThat(claims.getIssuer()).isEqualTo("autocrm-gateway");
        assertThat(claims.getAudience()).containsExactly("autocrm");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theClientMayAuthenticateInTheFormInstead() {
        client.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("grant_type", "client_credentials", "tenant", tenant,
                        "client_id", "routing-service", "client_secret", SECRET)))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.access_token").isNotEmpty();
    }

    @Test
    void theGatewayLetsTheAutomationTokenThroughWithoutASession() {
        String token = token(tenant);

        client.get().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();

        StubService.Received received = StubService.named("query-service").received().get(0);
        assertThat(received.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    }

    @Test
    void aWrongSecretOrUnknownClientIsInvalidClientWithABasicChallenge() {
        for (String authorization : new String[] {basic("routing-service", "wrong"), basic("someone-else", SECRET),
                basic("routing-service", SECRET.substring(1))}) {
            client.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, authorization)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(form("grant_type", "client_credentials", "tenant", tenant)))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"autocrm\"")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody()
                    .jsonPath("$.error").isEqualTo("invalid_client")
                    .jsonPath("$.error_description").isNotEmpty();
        }
        // each a security event of the tenant the token was asked for
        assertThat(context.getBean(AuditLog.class).count(tenant, "client_authentication_failed", null, null, null))
                .isEqualTo(3);
    }

    @Test
    void noClientAuthenticationIsInvalidClient() {
        client.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("grant_type", "client_credentials", "tenant", tenant)))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client");
    }

    @Test
    void anUnknownTenantIsAnInvalidGrant() {
        refused(form("grant_type", "client_credentials", "tenant", "no-such-tenant"), "invalid_grant");
    }

    @Test
    void anotherGrantTypeIsUnsupported() {
        refused(form("grant_type", "password", "tenant", tenant), "unsupported_grant_type");
    }

    @Test
    void aMissingGrantTypeOrTenantOrARepeatedParameterIsAnInvalidRequest() {
        refused(form("tenant", tenant), "invalid_request");
        refused(form("grant_type", "client_credentials"), "invalid_request");
        MultiValueMap<String, String> twice = form("grant_type", "client_credentials", "tenant", tenant);
        twice.add("tenant", "other");
        refused(twice, "invalid_request");
    }

    @Test
    void aFormThatCannotBeDecodedIsAnInvalidRequestNotAFailure() {
        client.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, basic("routing-service", SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials&tenant=%zz")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
        client.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, basic("routing-service", SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials&tenant")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
    }

    @Test
    void authenticatingTwoWaysAtOnceIsAnInvalidRequest() {
        client.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, basic("routing-service", SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("grant_type", "client_credentials", "tenant", tenant,
                        "client_id", "routing-service", "client_secret", SECRET)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
    }

    @Test
    void aBodyThatIsNotAFormIsRefusedAsAProblem() {
        client.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, basic("routing-service", SECRET))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"grant_type\":\"client_credentials\",\"tenant\":\"" + tenant + "\"}")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theApiDocumentSaysWhatTheTokenEndpointAnswers() {
        client.get().uri("/v3/api-docs/gateway").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/oauth2/token'].post.requestBody.content['application/x-www-form-urlencoded']")
                .exists()
                .jsonPath("$.paths['/oauth2/token'].post.responses['200'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/ClientCredentialsToken")
                .jsonPath("$.paths['/oauth2/token'].post.responses['400'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/OAuthError")
                .jsonPath("$.paths['/oauth2/token'].post.responses['401'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/OAuthError")
                .jsonPath("$.paths['/oauth2/token'].post.responses['429'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/oauth2/token'].post.security").isEmpty();
    }

    /** Wrong client credentials count against the address like failed sign-ins (last: it leaves the address blocked). */
    @Nested
    class Throttled {

        @Test
        void afterTooManyWrongSecretsEvenTheRightOneWaits() {
            int refused = 0;
            int status = 401;
            while (status == 401 && refused <= 20) {
                status = client.post().uri("/oauth2/token")
                        .header(HttpHeaders.AUTHORIZATION, basic("routing-service", "guess-" + refused))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData(form("grant_type", "client_credentials", "tenant", tenant)))
                        .exchange().returnResult(String.class).getStatus().value();
                refused++;
            }
            // the tests before this one failed a few times already; 20 failures per address are allowed in all
            assertThat(status).isEqualTo(429);
            assertThat(refused).isBetween(2, 21);
            client.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, basic("routing-service", SECRET))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(form("grant_type", "client_credentials", "tenant", tenant)))
                    .exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private void refused(MultiValueMap<String, String> parameters, String error) {
        client.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, basic("routing-service", SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(parameters))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.error").isEqualTo(error)
                .jsonPath("$.error_description").isNotEmpty();
    }

    private String token(String forTenant) {
        Map<String, Object> answer = client.post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, basic("routing-service", SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("grant_type", "client_credentials", "tenant", forTenant)))
                .exchange().expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        return (String) answer.get("access_token");
    }

    private RSAKey publishedKey(String keyId) throws Exception {
        String jwks = client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JWKSet.parse(jwks).getKeyByKeyId(keyId).toRSAKey();
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
