package org.autocrm.identity.passwordreset;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.autocrm.identity.AddressThrottle;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Passwords;
import org.autocrm.identity.onetime.AccountMail;
import org.autocrm.identity.onetime.OneTimeToken;
import org.autocrm.identity.onetime.OneTimeTokens;
import org.autocrm.identity.onetime.Purpose;
import org.autocrm.identity.session.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Password reset by emailed token. Asking never tells whether the account exists; the token works
 * once, for {@code password-reset-ttl}; setting the new password ends every session of the account
 * and any lockout. A wrong token counts like a wrong password on the login throttle. Blocking.
 */
@Component
class ResettingPasswords {

    static final String INVALID_TOKEN = "This reset link is unknown, expired or already used; ask for a new one.";

    private final Directory directory;
    private final Passwords passwords;
    private final Sessions sessions;
    private final OneTimeTokens tokens;
    private final AccountMail mail;
    private final AuditLog audit;
    private final AddressThrottle loginThrottle;
    private final Clock clock;

    ResettingPasswords(Directory directory, Passwords passwords, Sessions sessions, OneTimeTokens tokens,
            AccountMail mail, AuditLog audit, AddressThrottle loginThrottle, Clock clock) {
        this.directory = directory;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tokens = tokens;
        this.mail = mail;
        this.audit = audit;
        this.loginThrottle = loginThrottle;
        this.clock = clock;
    }

    void request(String tenantId, String email, String address) {
        if (blank(tenantId) || blank(email)) {
            throw IdentityException.badRequest("Send tenant and email.");
        }
        mail.countRequest(address);
        Optional<Account> found = directory.tenant(tenantId)
                .flatMap(tenant -> directory.accountByEmail(tenant.id(), email))
                // an account that signs in only at its organisation's provider (SSO) has no password to reset
                .filter(account -> account.active() && account.passwordHash() != null);
        if (found.isEmpty()) {
            return;
        }
        Account account = found.get();
        Duration ttl = mail.properties().passwordResetTtl();
        if (tokens.issuedSince(account.id(), Purpose.PASSWORD_RESET, clock.instant().minus(mail.properties().resendAfter()))) {
            return;
        }
        String token = tokens.issue(account.tenantId(), account.id(), Purpose.PASSWORD_RESET, ttl);
        audit.record(account.tenantId(), AuditKind.PASSWORD_RESET_REQUESTED, account.id(), account.email(), address,
                Map.of(), account.id(), account.role());
        mail.send(account.email(), "Reset your AutoCRM password", """
                Hello %s,

                someone (hopefully you) asked to reset the password of your AutoCRM account in %s.
                To choose a new password, open this link within %d minutes:

                %s#token=%s

                Or send this token to POST /api/auth/password-reset/confirm: %s

                The link works once. If you did not ask for it, ignore this email: your password stays as it is.
                """.formatted(account.name(), account.tenantId(), ttl.toMinutes(), mail.properties().passwordResetUrl(),
                token, token));
    }

    void confirm(String token, String newPassword, String address) {
        Optional<Duration> throttled = loginThrottle.blockedFor(address);
        if (throttled.isPresent()) {
            throw new IdentityException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed attempts from this address; try again later.").retryAfter(throttled.get());
        }
        if (blank(token) || newPassword == null) {
            throw IdentityException.badRequest("Send token and newPassword.");
        }
        String hash;
        try {
            hash = passwords.hash(newPassword);
        } catch (IllegalArgumentException tooShortOrLong) {
            // checked before the token is spent, so the same link works with a better password
            throw new IdentityException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "newPassword must have " + Passwords.MIN_LENGTH + " to 72 characters.");
        }
        Optional<Account> account = tokens.spend(token, Purpose.PASSWORD_RESET)
                .map(OneTimeToken::accountId)
                .flatMap(directory::account)
                .filter(Account::active);
        if (account.isEmpty()) {
            loginThrottle.failed(address);
            throw IdentityException.badRequest(INVALID_TOKEN);
        }
        Account changed = account.get();
        directory.changePassword(changed.id(), hash);
        tokens.spendAll(changed.id(), Purpose.PASSWORD_RESET);
        sessions.revokeAllOf(changed.id(), "password reset");
        audit.record(changed.tenantId(), AuditKind.PASSWORD_RESET, changed.id(), changed.email(), address,
                Map.of("sessionsEnded", "all"), changed.id(), changed.role());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
