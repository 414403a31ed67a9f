package org.autocrm.gateway.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security headers on every response ({@code autocrm.gateway.security-headers.*}).
 *
 * @param hsts       {@code if-https} (default: when the request came over https, as seen by the
 *                   gateway, i.e. after {@code server.forward-headers-strategy}), {@code always}, {@code never}
 * @param hstsMaxAge Strict-Transport-Security max-age
 */
@ConfigurationProperties("autocrm.gateway.security-headers")
record SecurityHeadersProperties(Hsts hsts, Duration hstsMaxAge, String apiContentSecurityPolicy,
        String docsContentSecurityPolicy, String appContentSecurityPolicy) {

    enum Hsts { IF_HTTPS, ALWAYS, NEVER }

    SecurityHeadersProperties {
        hsts = hsts == null ? Hsts.IF_HTTPS : hsts;
        hstsMaxAge = hstsMaxAge == null ? Duration.ofDays(365) : hstsMaxAge;
        apiContentSecurityPolicy = apiContentSecurityPolicy == null
                ? "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
                : apiContentSecurityPolicy;
        // Swagger UI runs its own scripts and inline styles and shows data: images
        docsContentSecurityPolicy = docsContentSecurityPolicy == null
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                        + "form-action 'self'"
                : docsContentSecurityPolicy;
        // the web application: its own scripts and styles only (no 'unsafe-inline'), API calls to this origin
        appContentSecurityPolicy = appContentSecurityPolicy == null
                ? "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                        + "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                        + "base-uri 'self'; form-action 'self'"
                : appContentSecurityPolicy;
    }
}
