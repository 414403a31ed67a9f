package org.autocrm.identity.twofactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Passwords;
import org.autocrm.identity.onetime.OneTimeTokens;
import org.autocrm.identity.onetime.Purpose;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A staff user turning TOTP on (start, then confirm with a first code, which answers the recovery
 * codes once) or off (with a code or the password, unless the tenant enforces TOTP). Blocking.
 */
@Component
class EnrollingTotp {

    record Started(String secret, String otpauthUri) {
    }

    record Enabled(List<String> recoveryCodes) {
    }

    private final Directory directory;
    private final TotpEnrolments enrolments;
    private final TotpSecondFactor secondFactor;
    private final SecretBox box;
    private final Passwords passwords;
    private final OneTimeTokens oneTimeTokens;
    private final AuditLog audit;
    private final TotpProperties properties;
    private final Clock clock;
    private final TotpAuthenticator authenticator = new TotpAuthenticator();
    private final RecoveryCodes recoveryCodes = new RecoveryCodes();

    EnrollingTotp(Directory directory, TotpEnrolments enrolments, TotpSecondFactor secondFactor, SecretBox box,
            Passwords passwords, OneTimeTokens oneTimeTokens, AuditLog audit, TotpProperties properties, Clock clock) {
        this.directory = directory;
        this.enrolments = enrolments;
        this.secondFactor = secondFactor;
        this.box = box;
        this.passwords = passwords;
        this.oneTimeTokens = oneTimeTokens;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    Started start(Authentication caller) {
        Account account = staffAccount(caller);
        TotpSecret secret = authenticator.generateSecret();
        TotpEnrolment pending = new TotpEnrolment(account.id(), account.tenantId(), box.seal(account.id(), secret.base32()),
                false, -1, List.of(), clock.instant(), null);
        if (!enrolments.start(pending)) {
            throw IdentityException.conflict("Two-factor sign-in is already on; turn it off first (DELETE /api/me/totp).");
        }
        return new Started(secret.base32(), authenticator.enrolmentUri(account.email(), secret));
    }

    /** @param enrolmentToken the enrolment-only token the caller came with, spent once enrolment succeeds; or null */
    Enabled confirm(Authentication caller, String code, String enrolmentToken) {
        Account account = staffAccount(caller);
        TotpEnrolment pending = enrolments.of(account.id()).orElseThrow(() -> IdentityException.conflict(
                "Start the enrolment first: POST /api/me/totp."));
        if (pending.enabled()) {
            throw IdentityException.conflict("Two-factor sign-in is already on.");
        }
        Instant now = clock.instant();
        TotpCheck checked = authenticator.verify(secondFactor.secretOf(pending), code, -1, now);
        if (!checked.accepted()) {
            refused(account, "enrol", checked.outcome().name().toLowerCase(java.util.Locale.ROOT));
            throw new IdentityException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Wrong code: type the six digits your authenticator app shows for AutoCRM now.");
        }
        RecoveryCodes.Issued issued = recoveryCodes.generate(properties.recoveryCodes());
        if (!enrolments.enable(account.id(), checked.lastAcceptedStep(), issued.hashes(), now)) {
            throw IdentityException.conflict("Two-factor sign-in is already on.");
        }
        if (enrolmentToken != null) {
            oneTimeTokens.spend(enrolmentToken, Purpose.TOTP_ENROLMENT);
        }
        audit.record(account.tenantId(), AuditKind.TOTP_ENABLED, account.id(), account.email(), null,
                Map.of("recoveryCodes", Integer.toString(issued.plainCodes().size())), account.id(), account.role());
        return new Enabled(issued.plainCodes());
    }

    void disable(Authentication caller, String code, String password) {
        Account account = staffAccount(caller);
        TotpEnrolment enrolment = enrolments.of(account.id()).filter(TotpEnrolment::enabled)
                .orElseThrow(() -> IdentityException.conflict("Two-factor sign-in is not on."));
        boolean enforced = directory.tenant(account.tenantId()).map(t -> t.settings() != null && t.settings().requireTotp())
                .orElse(false);
        if (enforced) {
            throw IdentityException.conflict("Your organisation requires two-factor sign-in for staff; it cannot be "
                    + "turned off. Ask an admin if you lost your authenticator.");
        }
        boolean proven;
        if (code != null && !code.isBlank()) {
            proven = secondFactor.check(enrolment, code) == SecondFactor.Check.ACCEPTED;
        } else if (password != null) {
            proven = passwords.matches(password, account.passwordHash());
        } else {
            throw IdentityException.badRequest("Send code (from the authenticator app, or a recovery code) or password.");
        }
        if (!proven) {
            refused(account, "disable", code != null && !code.isBlank() ? "wrong_code" : "wrong_password");
            throw IdentityException.forbidden("Wrong code or password; two-factor sign-in stays on.");
        }
        enrolments.remove(account.id());
        audit.record(account.tenantId(), AuditKind.TOTP_DISABLED, account.id(), account.email(), null, Map.of(),
                account.id(), account.role());
    }

    private void refused(Account account, String step, String reason) {
        audit.record(account.tenantId(), AuditKind.TOTP_CODE_REFUSED, account.id(), account.email(), null,
                Map.of("step", step, "reason", reason), account.id(), account.role());
    }

    private Account staffAccount(Authentication caller) {
        if (caller.accountId() == null) {
            throw IdentityException.forbidden("Two-factor sign-in is for people; an API key has none.");
        }
        Account account = directory.account(caller.accountId())
                .orElseThrow(() -> IdentityException.unauthorized("This account no longer exists."));
        if (!account.roleType().isStaff()) {
            throw IdentityException.forbidden("Two-factor sign-in is for staff accounts.");
        }
        return account;
    }
}
