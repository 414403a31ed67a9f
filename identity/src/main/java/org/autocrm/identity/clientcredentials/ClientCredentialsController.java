package org.autocrm.identity.clientcredentials;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.clientcredentials.ClientCredentialsGrant.PresentedClient;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /oauth2/token}: the OAuth 2 token endpoint, client-credentials grant only. Outside {@code /api}, so the
 * authentication filter lets it through; it authenticates the client itself. Answers and errors are RFC 6749's JSON
 * (§5.1, §5.2), never cached; a throttled address and an unreachable identity store get the gateway's problems.
 */
@Tag(name = "OAuth 2 token",
        description = "Tokens for AutoCRM's own components (routing-service) by the OAuth 2 client-credentials grant: "
                + "role automation, for one tenant, 5 minutes.")
@RestController
class ClientCredentialsController {

    private final ClientCredentialsGrant grant;

    ClientCredentialsController(ClientCredentialsGrant grant) {
        this.grant = grant;
    }

    @Operation(summary = "Get an automation token (OAuth 2 client credentials)",
            description = "Form body grant_type=client_credentials&tenant=<tenant id>; the client authenticates with "
                    + "HTTP Basic client_id:client_secret (or client_id and client_secret in the form). Answers a "
                    + "5-minute access token naming role automation for that tenant. Errors are RFC 6749 JSON "
                    + "{error, error_description}: invalid_client (401, WWW-Authenticate: Basic), invalid_request, "
                    + "unsupported_grant_type, invalid_grant (an unknown tenant) (400). Wrong client credentials "
                    + "count against the client address like failed sign-ins.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = ClientCredentialsRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The token",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = ClientToken.class))),
                    @ApiResponse(responseCode = "400", description = "invalid_request, unsupported_grant_type or "
                            + "invalid_grant (no such tenant); a problem when the gateway cannot read the request's "
                            + "line or headers at all",
                            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = OAuthError.class)),
                                    @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                            schema = @Schema(ref = "#/components/schemas/Problem"))}),
                    @ApiResponse(responseCode = "401", description = "invalid_client: no client authentication, an "
                            + "unknown client or a wrong secret",
                            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, schema = @Schema(type = "string")),
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = OAuthError.class)))})
    @ProblemResponse(status = 429, description = "Too many failed client authentications (or requests) from this "
            + "address; retry after Retry-After")
    @ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<ClientToken>> token(ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        Optional<PresentedClient> basic = basicCredentials(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return exchange.getFormData()
                // a body that is no form (a stray %, bytes that are not UTF-8, far too long) is the client's mistake
                .onErrorMap(unreadable -> unreadable instanceof IllegalArgumentException
                                || unreadable instanceof org.springframework.core.codec.CodecException
                                || unreadable instanceof org.springframework.core.io.buffer.DataBufferLimitException,
                        unreadable -> TokenRequestRefused.invalidRequest("The form body cannot be read: "
                                + "send application/x-www-form-urlencoded parameters, percent-encoded."))
                .map(form -> {
                    Map<String, List<String>> parameters = new LinkedHashMap<>();
                    // a parameter without "=" has a null value: taken as empty
                    form.forEach((name, values) -> parameters.put(name,
                            values.stream().map(value -> value == null ? "" : value).toList()));
                    return parameters;
                })
                .flatMap(parameters -> Blocking.call(() -> grant.issue(basic, parameters, address)))
                .map(token -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                        .contentType(MediaType.APPLICATION_JSON).body(token));
    }

    @ExceptionHandler(TokenRequestRefused.class)
    ResponseEntity<OAuthError> refused(TokenRequestRefused refusal) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status()).cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache").contentType(MediaType.APPLICATION_JSON);
        if (refusal.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"autocrm\"");
        }
        return answer.body(refusal.body());
    }

    /**
     * The client's id and secret from {@code Authorization: Basic}: base64 of {@code id:secret}, each part
     * form-url-encoded first (RFC 6749 §2.3.1). Another scheme is no Basic authentication.
     */
    static Optional<PresentedClient> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw TokenRequestRefused.invalidRequest("The Authorization: Basic credentials are not base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw TokenRequestRefused.invalidRequest("The Authorization: Basic credentials must be client_id:client_secret.");
        }
        return Optional.of(new PresentedClient(formDecoded(decoded.substring(0, colon)),
                formDecoded(decoded.substring(colon + 1))));
    }

    private static String formDecoded(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // a client that did not encode a part with a stray %: take it as it is
            return part;
        }
    }
}
