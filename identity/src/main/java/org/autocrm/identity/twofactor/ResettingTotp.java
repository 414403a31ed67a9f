package org.autocrm.identity.twofactor;

import java.util.Map;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.session.Sessions;
import org.springframework.stereotype.Component;

/**
 * An admin turns off the TOTP of a staff user who lost their authenticator and recovery codes. The user's sessions
 * end with it, so they sign in again with their password alone (and, where the tenant enforces TOTP, enrol anew
 * before they get a token). Not for oneself: that would make the second factor a formality. Blocking.
 */
@Component
class ResettingTotp {

    private final Directory directory;
    private final TotpEnrolments enrolments;
    private final Sessions sessions;
    private final AuditLog audit;

    ResettingTotp(Directory directory, TotpEnrolments enrolments, Sessions sessions, AuditLog audit) {
        this.directory = directory;
        this.enrolments = enrolments;
        this.sessions = sessions;
        this.audit = audit;
    }

    void reset(Authentication admin, String accountId) {
        admin.requireAdmin();
        Account account = directory.account(admin.tenant(), accountId)
                .orElseThrow(() -> IdentityException.notFound("No user " + accountId + " in this tenant."));
        if (account.id().equals(admin.accountId())) {
            throw IdentityException.conflict("You cannot reset your own two-factor sign-in; another admin can, or "
                    + "turn it off yourself with a code or your password.");
        }
        enrolments.of(account.id()).filter(TotpEnrolment::enabled)
                .orElseThrow(() -> IdentityException.conflict("Two-factor sign-in is not on for " + account.email()
                        + "."));
        enrolments.remove(account.id());
        sessions.revokeAllOf(account.id(), "two-factor sign-in reset by an admin");
        audit.record(admin.tenant(), AuditKind.TOTP_DISABLED, account.id(), account.email(), null,
                Map.of("resetBy", "admin"), admin.subject(), admin.role().value());
    }
}
