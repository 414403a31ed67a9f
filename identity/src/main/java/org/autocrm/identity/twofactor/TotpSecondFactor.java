package org.autocrm.identity.twofactor;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.onetime.OneTimeTokens;
import org.autocrm.identity.onetime.Purpose;
import org.springframework.stereotype.Component;

/**
 * The TOTP second factor of a password login: a six-digit code from the authenticator app, accepted
 * once (a replayed code is refused), or one of the recovery codes, each usable once. Blocking.
 */
@Component
class TotpSecondFactor implements SecondFactor {

    private final TotpEnrolments enrolments;
    private final SecretBox box;
    private final OneTimeTokens oneTimeTokens;
    private final TotpProperties properties;
    private final Clock clock;
    private final TotpAuthenticator authenticator = new TotpAuthenticator();
    private final RecoveryCodes recoveryCodes = new RecoveryCodes();

    TotpSecondFactor(TotpEnrolments enrolments, SecretBox box, OneTimeTokens oneTimeTokens, TotpProperties properties,
            Clock clock) {
        this.enrolments = enrolments;
        this.box = box;
        this.oneTimeTokens = oneTimeTokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean isEnrolled(Account account) {
        return enrolments.of(account.id()).filter(TotpEnrolment::enabled).isPresent();
    }

    @Override
    public Check verify(Account account, String code) {
        Optional<TotpEnrolment> enrolment = enrolments.of(account.id()).filter(TotpEnrolment::enabled);
        return enrolment.isEmpty() ? Check.WRONG_CODE : check(enrolment.get(), code);
    }

    /** A six-digit code or a recovery code against an enabled enrolment; an accepted one is used up. */
    Check check(TotpEnrolment enrolment, String code) {
        if (code == null) {
            return Check.WRONG_CODE;
        }
        if (looksLikeRecoveryCode(code)) {
            RecoveryCodes.Redemption redemption = recoveryCodes.redeem(code, enrolment.recoveryCodeHashes());
            return redemption.accepted() && enrolments.consumeRecoveryCode(enrolment.accountId(), redemption.consumedHash())
                    ? Check.ACCEPTED : Check.WRONG_CODE;
        }
        TotpCheck checked = authenticator.verify(secretOf(enrolment), code, enrolment.lastStep(), clock.instant());
        if (checked.accepted()) {
            // a login racing with the same code may have stored this step first: then this one is the replay
            return enrolments.advance(enrolment.accountId(), checked.lastAcceptedStep()) ? Check.ACCEPTED : Check.REPLAYED;
        }
        return checked.outcome() == TotpCheck.Outcome.REPLAYED ? Check.REPLAYED : Check.WRONG_CODE;
    }

    TotpSecret secretOf(TotpEnrolment enrolment) {
        return new TotpSecret(box.open(enrolment.accountId(), enrolment.encryptedSecret()));
    }

    @Override
    public String enrolmentToken(Account account) {
        return EnrolmentToken.PREFIX + oneTimeTokens.issue(account.tenantId(), account.id(), Purpose.TOTP_ENROLMENT,
                properties.enrolmentTokenTtl());
    }

    @Override
    public Duration enrolmentTokenTtl() {
        return properties.enrolmentTokenTtl();
    }

    /** Recovery codes are 16 letters and digits (dashes optional); TOTP codes six digits. */
    private static boolean looksLikeRecoveryCode(String code) {
        return code.replace("-", "").replace(" ", "").length() == 16;
    }
}
