package org.autocrm.identity.singlesignon;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.Map;

/**
 * The claim mapping of {@link OidcSettings.ClaimMappings} on the wire. Claim names may be dotted paths into nested
 * claims ({@code realm_access.roles}); left out they are {@code email}, {@code name}, {@code roles}, {@code groups}.
 */
public record SsoClaims(
        @Nullable @Schema(description = "the claim holding the email; email when left out") String email,
        @Nullable @Schema(description = "the claim holding the name; name when left out") String name,
        @Nullable @Schema(description = "the claim holding the provider's roles; roles when left out") String roles,
        @Nullable @Schema(description = "the claim holding the provider's groups; groups when left out") String groups,
        @Nullable @Schema(description = "provider value (role or group) to admin, team_lead, agent or customer; the "
                + "strongest mapped role wins")
        Map<String, String> roleMap,
        @Nullable @Schema(description = "provider value to the id of one of the tenant's groups; other values are "
                + "ignored")
        Map<String, String> groupMap,
        @Nullable @Schema(allowableValues = {"admin", "team_lead", "agent", "customer"},
                description = "the role when no provider value maps; null refuses such users")
        String defaultRole) {

    static SsoClaims of(OidcSettings.ClaimMappings mappings) {
        return new SsoClaims(mappings.email(), mappings.name(), mappings.roles(), mappings.groups(), mappings.roleMap(),
                mappings.groupMap(), mappings.defaultRole());
    }
}
