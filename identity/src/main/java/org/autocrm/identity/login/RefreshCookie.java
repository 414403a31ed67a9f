package org.autocrm.identity.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.Secrets;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser's session: the refresh token in an httpOnly, SameSite=Strict cookie that page scripts cannot read,
 * set at sign-in, rotated at every refresh and cleared at sign-out (Secure when the gateway is reached over
 * https). A refresh or sign-out that relies on the cookie must also send the value of the readable CSRF cookie as
 * {@value #CSRF_HEADER} (double submit): another site can make the browser send the cookies, never read them.
 * API clients keep sending the refresh token in the body, and the body wins. The controllers that issue tokens
 * (password login, emailed sign-in link) read and write the cookies; this decides what they say.
 */
@Component
public class RefreshCookie {

    static final String NAME = "autocrm_refresh";
    static final String CSRF_COOKIE = "autocrm_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Sent only to the sign-in endpoints, not with every API request. */
    static final String PATH = "/api/auth";
    static final URI CSRF_REFUSED = URI.create("https://autocrm.org/problems/csrf-token-required");

    private final IdentityProperties properties;

    RefreshCookie(IdentityProperties properties) {
        this.properties = properties;
    }

    /** The cookies that set (or rotate) the browser's session to this refresh token. */
    public List<ResponseCookie> issued(String refreshToken, boolean secure) {
        return cookies(refreshToken, Secrets.random(32), properties.refreshTokenTtl(), secure);
    }

    /** The cookies that clear the browser's session. */
    List<ResponseCookie> cleared(boolean secure) {
        return cookies("", "", Duration.ZERO, secure);
    }

    /**
     * The refresh token of the request: the body's if it names one, otherwise the cookie's once the CSRF token
     * sent as the header matches the CSRF cookie; {@code body} itself (possibly null) when there is no cookie either.
     */
    RefreshRequest tokenOf(RefreshRequest body, String refreshCookie, String csrfCookie, String csrfHeader) {
        if (body != null && body.refreshToken() != null && !body.refreshToken().isBlank()) {
            return body;
        }
        if (refreshCookie == null || refreshCookie.isBlank()) {
            return body;
        }
        if (csrfCookie == null || csrfCookie.isBlank() || csrfHeader == null || !sameValue(csrfCookie, csrfHeader)) {
            throw IdentityException.forbidden("A request that relies on the session cookie must send the value of the "
                    + CSRF_COOKIE + " cookie as " + CSRF_HEADER + ".").type(CSRF_REFUSED);
        }
        return new RefreshRequest(refreshCookie);
    }

    private static boolean sameValue(String expected, String sent) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ResponseCookie> cookies(String refreshToken, String csrf, Duration lifetime, boolean secure) {
        return List.of(
                ResponseCookie.from(NAME, refreshToken).httpOnly(true).secure(secure).sameSite("Strict").path(PATH)
                        .maxAge(lifetime).build(),
                // readable by this origin's pages on purpose: they echo it as the CSRF header
                ResponseCookie.from(CSRF_COOKIE, csrf).httpOnly(false).secure(secure).sameSite("Strict").path("/")
                        .maxAge(lifetime).build());
    }
}
