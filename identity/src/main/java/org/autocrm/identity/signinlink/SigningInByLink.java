package org.autocrm.identity.signinlink;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.autocrm.access.Role;
import org.autocrm.identity.AddressThrottle;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.login.IssuingTokens;
import org.autocrm.identity.login.TokenResponse;
import org.autocrm.identity.onetime.AccountMail;
import org.autocrm.identity.onetime.OneTimeToken;
import org.autocrm.identity.onetime.OneTimeTokens;
import org.autocrm.identity.onetime.Purpose;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A customer signs in to the portal with a link emailed to them: single use, {@code sign-in-link-ttl}
 * (15 minutes). Only customer portal accounts get one; staff sign in with password (and TOTP) or SSO,
 * so a stolen mailbox alone never opens a staff account. Blocking.
 */
@Component
class SigningInByLink {

    static final String INVALID_TOKEN = "This sign-in link is unknown, expired or already used; ask for a new one.";

    private final Directory directory;
    private final OneTimeTokens tokens;
    private final AccountMail mail;
    private final AuditLog audit;
    private final AddressThrottle loginThrottle;
    private final IssuingTokens issuing;
    private final Clock clock;

    SigningInByLink(Directory directory, OneTimeTokens tokens, AccountMail mail, AuditLog audit,
            AddressThrottle loginThrottle, IssuingTokens issuing, Clock clock) {
        this.directory = directory;
        this.tokens = tokens;
        this.mail = mail;
        this.audit = audit;
        this.loginThrottle = loginThrottle;
        this.issuing = issuing;
        this.clock = clock;
    }

    void request(String tenantId, String email, String address) {
        if (blank(tenantId) || blank(email)) {
            throw IdentityException.badRequest("Send tenant and email.");
        }
        mail.countRequest(address);
        Optional<Account> found = directory.tenant(tenantId)
                .flatMap(tenant -> directory.accountByEmail(tenant.id(), email))
                .filter(account -> account.active() && account.roleType() == Role.CUSTOMER);
        if (found.isEmpty()
                || tokens.issuedSince(found.get().id(), Purpose.SIGN_IN_LINK, clock.instant().minus(mail.properties().resendAfter()))) {
            return;
        }
        Account account = found.get();
        Duration ttl = mail.properties().signInLinkTtl();
        String token = tokens.issue(account.tenantId(), account.id(), Purpose.SIGN_IN_LINK, ttl);
        audit.record(account.tenantId(), AuditKind.SIGN_IN_LINK_SENT, account.id(), account.email(), address, Map.of(),
                account.id(), account.role());
        mail.send(account.email(), "Your AutoCRM sign-in link", """
                Hello %s,

                here is your link to sign in to the support portal. It works once, within %d minutes:

                %s#token=%s

                Or send this token to POST /api/auth/sign-in-link/confirm: %s

                If you did not ask for it, ignore this email.
                """.formatted(account.name(), ttl.toMinutes(), mail.properties().signInUrl(), token, token));
    }

    TokenResponse confirm(String token, String address) {
        Optional<Duration> throttled = loginThrottle.blockedFor(address);
        if (throttled.isPresent()) {
            throw new IdentityException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed attempts from this address; try again later.").retryAfter(throttled.get());
        }
        if (blank(token)) {
            throw IdentityException.badRequest("Send token.");
        }
        Optional<Account> account = tokens.spend(token, Purpose.SIGN_IN_LINK)
                .map(OneTimeToken::accountId)
                .flatMap(directory::account)
                .filter(Account::active);
        if (account.isEmpty()) {
            loginThrottle.failed(address);
            throw IdentityException.badRequest(INVALID_TOKEN);
        }
        return issuing.signIn(account.get(), address, "sign_in_link");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
