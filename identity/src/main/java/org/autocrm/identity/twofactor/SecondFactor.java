package org.autocrm.identity.twofactor;

import java.time.Duration;
import org.autocrm.identity.directory.Account;

/**
 * The seam for a second factor at login (TOTP, see {@code identity.twofactor}). A login asks for a
 * code when the account has one enrolled; when the tenant requires one for staff and the user has
 * none, the login hands out an enrolment-only token instead of tokens. Without an implementation
 * nobody is enrolled and no code is accepted.
 */
public interface SecondFactor {

    enum Check { ACCEPTED, WRONG_CODE, REPLAYED }

    boolean isEnrolled(Account account);

    /** A six-digit code or a recovery code; an accepted one is used up. */
    Check verify(Account account, String code);

    /** A short-lived token good only for enrolling (POST /api/me/totp and /confirm); null if enrolment is not possible. */
    String enrolmentToken(Account account);

    Duration enrolmentTokenTtl();
}
