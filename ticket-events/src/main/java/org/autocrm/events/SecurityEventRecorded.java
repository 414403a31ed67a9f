package org.autocrm.events;

import java.time.Instant;
import java.util.Map;

/**
 * A security event was recorded in the gateway's audit log. Type {@code autocrm.security.event_recorded.v1}.
 *
 * @param auditId       the audit log entry (also the envelope id)
 * @param kind          {@code login_succeeded}, {@code login_failed}, {@code account_locked}, {@code logged_out},
 *                      {@code refresh_token_reused}, {@code api_key_created}, {@code api_key_revoked},
 *                      {@code user_created}, {@code user_deactivated}, {@code user_reactivated},
 *                      {@code role_changed}, {@code groups_changed}, {@code tenant_settings_changed},
 *                      {@code password_reset_requested}, {@code password_reset}, {@code sign_in_link_sent},
 *                      {@code totp_enabled}, {@code totp_disabled}, {@code totp_code_refused},
 *                      {@code sso_account_linked} or {@code client_authentication_failed}
 * @param userId        the account the event is about, or null (e.g. a failed login for an unknown email)
 * @param email         the email given or of the account, or null
 * @param clientAddress the client's IP address for sign-in events, or null
 * @param detail        further facts by name (e.g. {@code role}, {@code previousRole}, {@code keyId}); empty if none
 */
public record SecurityEventRecorded(
        String auditId,
        String tenantId,
        String kind,
        String userId,
        String email,
        String clientAddress,
        Map<String, String> detail,
        Actor by,
        Instant at) implements SecurityEvent {
}
