package org.autocrm.identity.singlesignon;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a browser that finished single sign-on gets its tokens (prefix {@code autocrm.identity.sso}, next to
 * the tenants' providers).
 *
 * @param landingUrl the front-end page the callback redirects to with the tokens in the fragment
 *                   ({@code #access_token=...&refresh_token=...&token_type=Bearer&expires_in=900}); unset,
 *                   the callback answers the tokens as JSON
 */
@ConfigurationProperties("autocrm.identity.sso")
record SsoBrowserProperties(URI landingUrl) {
}
