package org.autocrm.identity.onetime;

/** What a one-time token is good for; a token of one purpose never works for another. */
public enum Purpose {
    PASSWORD_RESET,
    SIGN_IN_LINK,
    TOTP_ENROLMENT
}
