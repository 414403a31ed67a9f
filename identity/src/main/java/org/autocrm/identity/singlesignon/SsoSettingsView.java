package org.autocrm.identity.singlesignon;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's single sign-on as its admins see it: everything but the client secret, of which only whether one is
 * set. When {@code configured} is false the tenant has no provider and the rest is empty.
 */
public record SsoSettingsView(
        @Schema(description = "whether the tenant's users can sign in at a provider") boolean configured,
        @Nullable @Schema(allowableValues = {"admin", "properties"}, description = "admin: set here (and changed or "
                + "turned off here); properties: from the gateway's configuration (autocrm.identity.sso.tenants), "
                + "which settings saved here replace")
        String source,
        @Nullable String displayName,
        @Nullable String issuer,
        @Nullable String clientId,
        @Schema(description = "whether a client secret is set; the secret itself is never answered")
        boolean clientSecretSet,
        @Nullable @Schema(allowableValues = {"client_secret_basic", "client_secret_post"}) String clientAuthentication,
        List<String> scopes,
        @Nullable String redirectUri,
        boolean provisionUnknownUsers,
        @Schema(description = "how the provider's claims map to accounts; all empty when not configured")
        SsoClaims claims,
        @Nullable @Schema(description = "when an admin last saved them; null for settings from properties")
        Instant updatedAt,
        @Nullable @Schema(description = "the user id of the admin (or API key) that last saved them") String updatedBy) {

    static SsoSettingsView none() {
        return new SsoSettingsView(false, null, null, null, null, false, null, List.of(), null, false,
                new SsoClaims(null, null, null, null, null, null, null), null, null);
    }
}
