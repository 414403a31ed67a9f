package org.autocrm.identity.twofactor;

/**
 * What a password login still needs before tokens are issued. Two-factor is for staff only;
 * a tenant may enforce it, and a staff user may turn it on for themselves when it is not.
 */
public enum TotpRequirement {
    /** Issue tokens now. */
    NONE,
    /** Ask for a TOTP (or recovery) code first. */
    CODE,
    /** The tenant enforces two-factor and this user has not enrolled: enrol before anything else. */
    ENROLMENT;

    public static TotpRequirement forLogin(boolean staff, boolean tenantEnforcesTotp, boolean userEnrolled) {
        if (!staff) {
            return NONE;
        }
        if (userEnrolled) {
            return CODE;
        }
        return tenantEnforcesTotp ? ENROLMENT : NONE;
    }
}
