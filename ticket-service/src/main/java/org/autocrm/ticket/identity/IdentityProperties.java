package org.autocrm.ticket.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers prove who they are.
 *
 * @param tokenSecret      the HMAC-SHA256 key that signs access tokens (at least 32 bytes); the
 *                         default is for development only and is printed nowhere else
 * @param audience         the audience every token must name
 * @param acceptDevHeaders whether a request without a token may name its caller with the
 *                         X-AutoCRM-* headers (development only; switch off in production)
 */
@ConfigurationProperties("autocrm.identity")
public record IdentityProperties(
        @DefaultValue("autocrm-development-signing-key-change-me!") String tokenSecret,
        @DefaultValue("autocrm") String audience,
        @DefaultValue("true") boolean acceptDevHeaders) {
}
