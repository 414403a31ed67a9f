package org.autocrm.servicetesting.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.autocrm.servicetesting.AcceptsTestTokens;
import org.autocrm.servicetesting.SignedCaller;
import org.autocrm.servicetesting.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@link ServiceBasicsContract}, plus what the service kit (service-access) does for a service that depends on
 * it: every {@code /api/**} request must prove its caller with a token the gateway signed, API keys need a scope
 * the service opens, and refusals are 401/403 problem documents with a {@code WWW-Authenticate} challenge. The
 * checks call {@link #unmappedApiPath}, a path under the service's API that no controller maps, so they hold with
 * no feature code at all and keep holding as endpoints arrive.
 *
 * <pre>{@code
 * class RoutingServiceApplicationIT extends AuthenticatedServiceContract {
 *     RoutingServiceApplicationIT() {
 *         super("routing-service", "/api/routing/no-such-endpoint");
 *     }
 * }
 * }</pre>
 */
@AcceptsTestTokens
public abstract class AuthenticatedServiceContract extends ServiceBasicsContract {

    /** A path under the service's API that no controller maps. */
    protected final String unmappedApiPath;

    protected final TestCallers callers = TestCallers.inNewTenant();

    protected AuthenticatedServiceContract(String service, String unmappedApiPath) {
        super(service);
        this.unmappedApiPath = unmappedApiPath;
    }

    @Test
    public void refusesAnApiCallWithoutTokenWith401AndABearerChallenge() {
        ResponseEntity<JsonNode> response = get(new HttpHeaders());

        assertProblem(response, HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @Test
    public void ignoresTheDevelopmentHeadersOutsideSingleServiceTests() {
        HttpHeaders devHeaders = new HttpHeaders();
        devHeaders.set("X-AutoCRM-Tenant", callers.tenant());
        devHeaders.set("X-AutoCRM-User", "admin");
        devHeaders.set("X-AutoCRM-Role", "admin");

        assertProblem(get(devHeaders), HttpStatus.UNAUTHORIZED);
    }

    @Test
    public void refusesATokenSignedWithAKeyTheGatewayDoesNotPublishWith401() {
        ResponseEntity<JsonNode> response = get(callers.admin().forged().headers());

        assertProblem(response, HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    public void refusesAnExpiredTokenWith401() {
        ResponseEntity<JsonNode> response = get(callers.agent().expired().headers());

        assertProblem(response, HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().path("detail").asText()).contains("expired");
    }

    @Test
    public void refusesAnApiKeyWithoutAScopeForTheEndpointWith403MissingScope() {
        ResponseEntity<JsonNode> response = get(callers.apiKey().headers());

        assertProblem(response, HttpStatus.FORBIDDEN);
        assertThat(response.getBody().path("code").asText()).isEqualTo("MISSING_SCOPE");
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer error=\"insufficient_scope\"");
    }

    @Test
    public void letsASignedInAgentPastTheCallerCheck() {
        SignedCaller agent = callers.agent("tier-1");

        ResponseEntity<JsonNode> response = get(agent.headers());

        // no endpoint there yet: past the check, the service answers as for any unknown path
        assertProblem(response, HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
    }

    /** GET of {@link #unmappedApiPath} with these headers. */
    protected ResponseEntity<JsonNode> get(HttpHeaders headers) {
        return http.exchange(unmappedApiPath, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
    }
}
