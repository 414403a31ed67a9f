package org.autocrm.identity.singlesignon;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on by configuration: {@code autocrm.identity.sso.tenants.<tenant>.*} names a
 * tenant's provider (secrets from the environment, e.g.
 * {@code AUTOCRM_IDENTITY_SSO_TENANTS_ACME_CLIENT_SECRET}).
 *
 * @param connectTimeout how long to wait for the provider to accept a connection
 * @param responseTimeout how long one call to the provider (discovery, keys, token) may take in all
 * @param loginTimeout how long a started sign-in stays valid before its callback is refused
 */
@ConfigurationProperties("autocrm.identity.sso")
public record SsoProperties(
        Map<String, OidcSettings> tenants,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration responseTimeout,
        @DefaultValue("10m") Duration loginTimeout) {

    public SsoProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(5) : responseTimeout;
        loginTimeout = loginTimeout == null ? Duration.ofMinutes(10) : loginTimeout;
    }

    public Optional<OidcSettings> find(String tenantId) {
        return Optional.ofNullable(tenantId).map(tenants::get);
    }

    /** The tenant's provider, or {@link SsoLoginFailed.Reason#NOT_CONFIGURED}. */
    public OidcSettings settingsFor(String tenantId) {
        return find(tenantId).orElseThrow(() -> new SsoLoginFailed(SsoLoginFailed.Reason.NOT_CONFIGURED,
                "Single sign-on is not set up for this organisation."));
    }
}
