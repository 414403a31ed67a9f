package org.autocrm.access.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers prove who they are: access tokens the gateway signs (docs/access-tokens.md).
 *
 * @param issuer           the {@code iss} every token must name
 * @param audience         the audience every token's {@code aud} must contain
 * @param jwksUri          where the gateway publishes its public keys; read on the first token, so the
 *                         service starts before the gateway
 * @param jwks             the key set itself (JSON of a JWK set) instead of {@code jwksUri}; for tests
 * @param acceptDevHeaders whether a request without a token may name its caller with the
 *                         X-AutoCRM-* headers (tests of one service alone; never in a deployment)
 */
@ConfigurationProperties("autocrm.identity")
public record IdentityProperties(
        @DefaultValue("autocrm-gateway") String issuer,
        @DefaultValue("autocrm") String audience,
        @DefaultValue("http://localhost:8080/.well-known/jwks.json") URI jwksUri,
        String jwks,
        @DefaultValue("false") boolean acceptDevHeaders) {
}
