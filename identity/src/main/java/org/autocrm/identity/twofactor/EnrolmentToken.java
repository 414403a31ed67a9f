package org.autocrm.identity.twofactor;

/**
 * The enrolment-only token a login hands out when the tenant requires TOTP and the user has none: sent as
 * {@code Authorization: Bearer enrol_<token>}, good only for {@code POST /api/me/totp} and
 * {@code /api/me/totp/confirm} (the authentication filter checks it).
 */
public final class EnrolmentToken {

    /** Marks an enrolment token among bearer tokens. */
    public static final String PREFIX = "enrol_";
    /** The enrolment token (without prefix) the caller came with, for the endpoint that spends it. */
    public static final String ATTRIBUTE = "autocrm.totpEnrolmentToken";

    private EnrolmentToken() {
    }
}
