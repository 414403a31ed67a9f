package org.autocrm.identity.audit;

/** The security events the audit log records; the wire names are the {@code kind} of the contract event. */
public enum AuditKind {
    LOGIN_SUCCEEDED("login_succeeded"),
    LOGIN_FAILED("login_failed"),
    ACCOUNT_LOCKED("account_locked"),
    LOGGED_OUT("logged_out"),
    REFRESH_TOKEN_REUSED("refresh_token_reused"),
    API_KEY_CREATED("api_key_created"),
    API_KEY_REVOKED("api_key_revoked"),
    USER_CREATED("user_created"),
    USER_DEACTIVATED("user_deactivated"),
    USER_REACTIVATED("user_reactivated"),
    ROLE_CHANGED("role_changed"),
    GROUPS_CHANGED("groups_changed"),
    TENANT_SETTINGS_CHANGED("tenant_settings_changed"),
    PASSWORD_RESET_REQUESTED("password_reset_requested"),
    PASSWORD_RESET("password_reset"),
    SIGN_IN_LINK_SENT("sign_in_link_sent"),
    TOTP_ENABLED("totp_enabled"),
    TOTP_DISABLED("totp_disabled"),
    TOTP_CODE_REFUSED("totp_code_refused"),
    SSO_ACCOUNT_LINKED("sso_account_linked"),
    CLIENT_AUTHENTICATION_FAILED("client_authentication_failed");

    private final String wireName;

    AuditKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
