package org.autocrm.identity.singlesignon;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * A tenant's OpenID Connect provider as an admin sends it ({@code PUT /api/admin/tenant/sso}): the fields of
 * {@link OidcSettings}, and the name the sign-in button shows.
 *
 * @param clientSecret the client's secret at the provider; left out (or empty) it stays as stored, so an admin can
 *        change the rest without knowing it. Never answered.
 */
public record SsoSettingsRequest(
        @Nullable @Schema(description = "what the sign-in page calls the provider, e.g. Acme Okta", maxLength = 100)
        String displayName,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", example = "https://login.acme.example/realms/staff",
                description = "the provider's issuer: an https URL (http only for a provider on localhost); "
                        + "discovery is read below it")
        String issuer,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "the client registered at the provider")
        String clientId,
        @Nullable @Schema(description = "the client's secret; left out or empty to keep the stored one (required the "
                + "first time)", writeOnly = true)
        String clientSecret,
        @Nullable @Schema(allowableValues = {"client_secret_basic", "client_secret_post"},
                description = "how the gateway proves itself at the token endpoint; client_secret_basic when left out")
        String clientAuthentication,
        @Nullable @Schema(description = "the scopes asked for; must include openid; openid, email, profile when left "
                + "out")
        List<String> scopes,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri",
                example = "https://support.acme.example/api/auth/sso/acme/callback",
                description = "the gateway's callback for this tenant, /api/auth/sso/{tenant}/callback, as registered "
                        + "at the provider")
        String redirectUri,
        @Nullable @Schema(description = "create users the tenant does not know yet at their first sign-in; false when "
                + "left out")
        Boolean provisionUnknownUsers,
        @Nullable @Schema(description = "which claims carry what, and how provider values become roles and groups; "
                + "the standard claim names and no maps when left out")
        SsoClaims claims) {
}
