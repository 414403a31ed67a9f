package org.autocrm.identity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway's identity: what the tokens say, how long things live and when logins are
 * throttled. Defaults are the documented numbers (gateway README); issuer and audience are the
 * contract in {@code docs/access-tokens.md}.
 *
 * @param issuer            {@code iss} of every access token
 * @param audience          the single {@code aud} value services require
 * @param accessTokenTtl    lifetime of a signed-in user's access token
 * @param apiKeyTokenTtl    lifetime of the token minted for one API-key request
 * @param refreshTokenTtl   how long a session (refresh-token family) lives without being refreshed
 * @param lockout           per-account lockout after consecutive wrong passwords
 * @param addressThrottle   per-client-address limit of failed logins (per gateway replica)
 * @param demoData          create the demo tenant and its users at start (local run only)
 * @param setupTokenFile    where the one-time setup token is written when no admin exists yet (optional)
 * @param provisioningToken the platform operator's secret for creating further tenants with
 *                          {@code POST /api/auth/tenants}; unset (the default) switches that endpoint off
 */
@ConfigurationProperties("autocrm.identity")
public record IdentityProperties(
        String issuer,
        String audience,
        Duration accessTokenTtl,
        Duration apiKeyTokenTtl,
        Duration refreshTokenTtl,
        Lockout lockout,
        AddressThrottle addressThrottle,
        boolean demoData,
        Path setupTokenFile,
        String provisioningToken) {

    public IdentityProperties {
        issuer = issuer == null ? "autocrm-gateway" : issuer;
        audience = audience == null ? "autocrm" : audience;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        apiKeyTokenTtl = apiKeyTokenTtl == null ? Duration.ofMinutes(5) : apiKeyTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
        lockout = lockout == null ? new Lockout(0, null) : lockout;
        addressThrottle = addressThrottle == null ? new AddressThrottle(0, null) : addressThrottle;
    }

    /** After {@code maxFailures} consecutive wrong passwords the account is locked for {@code duration}. */
    public record Lockout(int maxFailures, Duration duration) {
        public Lockout {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            duration = duration == null ? Duration.ofMinutes(15) : duration;
        }
    }

    /** At most {@code maxFailures} failed logins from one client address per {@code window}. */
    public record AddressThrottle(int maxFailures, Duration window) {
        public AddressThrottle {
            maxFailures = maxFailures <= 0 ? 20 : maxFailures;
            window = window == null ? Duration.ofMinutes(5) : window;
        }
    }
}
