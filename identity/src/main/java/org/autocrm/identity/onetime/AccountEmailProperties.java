package org.autocrm.identity.onetime;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The emails that let someone in without a password at hand: password reset and the customer's
 * sign-in link (prefix {@code autocrm.identity.account-email}). The links point at the front end,
 * which reads the token from the fragment (never sent to a server or written to an access log) and
 * posts it to the gateway's confirm endpoint.
 *
 * @param from             the sender of these emails
 * @param passwordResetUrl the front end's reset page; the email links to {@code <url>#token=<token>}
 * @param signInUrl        the portal's sign-in page; the email links to {@code <url>#token=<token>}
 * @param passwordResetTtl how long a reset token works
 * @param signInLinkTtl    how long a sign-in link works
 * @param resendAfter      an account gets at most one email of a kind per this interval (more requests are
 *                         answered alike and send nothing), so nobody can flood a mailbox
 * @param throttle         requests per client address (per gateway replica); then 429
 */
@ConfigurationProperties("autocrm.identity.account-email")
public record AccountEmailProperties(
        String from,
        URI passwordResetUrl,
        URI signInUrl,
        Duration passwordResetTtl,
        Duration signInLinkTtl,
        Duration resendAfter,
        Throttle throttle) {

    public AccountEmailProperties {
        from = from == null || from.isBlank() ? "AutoCRM <no-reply@autocrm.local>" : from;
        passwordResetUrl = passwordResetUrl == null ? URI.create("http://localhost:8080/reset-password") : passwordResetUrl;
        signInUrl = signInUrl == null ? URI.create("http://localhost:8080/sign-in") : signInUrl;
        passwordResetTtl = passwordResetTtl == null ? Duration.ofMinutes(30) : passwordResetTtl;
        signInLinkTtl = signInLinkTtl == null ? Duration.ofMinutes(15) : signInLinkTtl;
        resendAfter = resendAfter == null ? Duration.ofMinutes(1) : resendAfter;
        throttle = throttle == null ? new Throttle(0, null) : throttle;
    }

    /** At most {@code maxRequests} email requests from one client address per {@code window}. */
    public record Throttle(int maxRequests, Duration window) {
        public Throttle {
            maxRequests = maxRequests <= 0 ? 10 : maxRequests;
            window = window == null ? Duration.ofMinutes(15) : window;
        }
    }
}
