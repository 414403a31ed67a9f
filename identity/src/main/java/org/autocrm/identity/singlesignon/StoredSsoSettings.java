package org.autocrm.identity.singlesignon;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant's OpenID Connect provider as an admin set it up ({@code PUT /api/admin/tenant/sso}), one document per
 * tenant. The client secret is kept only sealed ({@code SecretBox}, owner {@code sso:<tenant>}). The role and group
 * maps are lists of pairs: a provider's values may hold dots, which MongoDB does not allow in a field name.
 */
@Document("identity_sso_settings")
record StoredSsoSettings(
        @Id String tenantId,
        String displayName,
        String issuer,
        String clientId,
        String sealedClientSecret,
        OidcSettings.ClientAuthentication clientAuthentication,
        List<String> scopes,
        String redirectUri,
        boolean provisionUnknownUsers,
        StoredClaims claims,
        Instant updatedAt,
        String updatedBy) {

    /** What the secret is sealed for, so a sealed secret copied onto another tenant does not open. */
    static String secretOwner(String tenantId) {
        return "sso:" + tenantId;
    }

    record StoredClaims(String email, String name, String roles, String groups, List<Pair> roleMap,
            List<Pair> groupMap, String defaultRole) {

        static StoredClaims of(OidcSettings.ClaimMappings claims) {
            return new StoredClaims(claims.email(), claims.name(), claims.roles(), claims.groups(),
                    Pair.listOf(claims.roleMap()), Pair.listOf(claims.groupMap()), claims.defaultRole());
        }

        OidcSettings.ClaimMappings mappings() {
            return new OidcSettings.ClaimMappings(email, name, roles, groups, Pair.mapOf(roleMap), Pair.mapOf(groupMap),
                    defaultRole);
        }
    }

    /** One entry of a map: the provider's value and what it becomes in AutoCRM. */
    record Pair(String providerValue, String value) {

        static List<Pair> listOf(Map<String, String> map) {
            return map.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(entry -> new Pair(entry.getKey(), entry.getValue())).toList();
        }

        static Map<String, String> mapOf(List<Pair> pairs) {
            Map<String, String> map = new LinkedHashMap<>();
            if (pairs != null) {
                pairs.forEach(pair -> map.put(pair.providerValue(), pair.value()));
            }
            return map;
        }
    }
}
