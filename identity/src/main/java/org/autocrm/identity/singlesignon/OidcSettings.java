package org.autocrm.identity.singlesignon;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.autocrm.access.Role;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One tenant's OpenID Connect provider. SAML identity providers reach AutoCRM through an OIDC
 * broker (Keycloak, Entra ID, Okta...), so this is the only kind there is.
 *
 * @param issuer the provider's issuer; discovery is read from {@code issuer + /.well-known/openid-configuration}
 * @param redirectUri where the provider sends the browser back: the gateway's
 *        {@code /api/auth/sso/{tenant}/callback}, registered with the provider
 * @param provisionUnknownUsers whether a user the tenant does not know yet is created on first sign-in
 *        (just in time); otherwise only existing users may sign in this way
 */
public record OidcSettings(
        URI issuer,
        String clientId,
        String clientSecret,
        @DefaultValue("CLIENT_SECRET_BASIC") ClientAuthentication clientAuthentication,
        @DefaultValue({"openid", "email", "profile"}) List<String> scopes,
        URI redirectUri,
        @DefaultValue ClaimMappings claims,
        @DefaultValue("false") boolean provisionUnknownUsers) {

    /** The roles a provider may give: a person's (an API key is no one to sign in). */
    public static final List<String> ROLES = Role.allValues().stream().filter(role -> personRole(role).isPresent()).toList();

    /** The role of the service kit's vocabulary written so, if a provider may give it. */
    public static Optional<Role> personRole(String value) {
        return Role.of(value).filter(role -> role != Role.API_KEY);
    }

    /** How the gateway proves itself at the token endpoint (RFC 6749 section 2.3.1). */
    public enum ClientAuthentication { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST }

    /**
     * Which claims carry what, and how the provider's values become AutoCRM roles and groups.
     * A claim name may be a dotted path into nested objects, e.g. Keycloak's {@code realm_access.roles}.
     *
     * @param roleMap provider value (a role or group name as the provider sends it) to one of
     *        {@code admin, team_lead, agent, customer}; when several map, the strongest role wins
     * @param groupMap provider value to an AutoCRM group id; values not listed are ignored
     * @param defaultRole the role when nothing maps; empty or absent refuses such users
     */
    public record ClaimMappings(
            @DefaultValue("email") String email,
            @DefaultValue("name") String name,
            @DefaultValue("roles") String roles,
            @DefaultValue("groups") String groups,
            Map<String, String> roleMap,
            Map<String, String> groupMap,
            String defaultRole) {

        public ClaimMappings {
            email = orDefault(email, "email");
            name = orDefault(name, "name");
            roles = orDefault(roles, "roles");
            groups = orDefault(groups, "groups");
            roleMap = roleMap == null ? Map.of() : Map.copyOf(roleMap);
            groupMap = groupMap == null ? Map.of() : Map.copyOf(groupMap);
            defaultRole = defaultRole == null || defaultRole.isBlank() ? null : defaultRole;
            roleMap.forEach((providerValue, role) -> requireRole(role, "roleMap." + providerValue));
            if (defaultRole != null) {
                requireRole(defaultRole, "defaultRole");
            }
        }

        public static ClaimMappings standard() {
            return new ClaimMappings(null, null, null, null, null, null, null);
        }

        private static void requireRole(String role, String where) {
            if (personRole(role).isEmpty()) {
                throw new IllegalArgumentException(where + " must be one of " + ROLES + ", not '" + role + "'");
            }
        }

        private static String orDefault(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret is required");
        }
        clientAuthentication = clientAuthentication == null ? ClientAuthentication.CLIENT_SECRET_BASIC
                : clientAuthentication;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile") : List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            // without it the provider runs plain OAuth and sends no ID token
            throw new IllegalArgumentException("scopes must include 'openid'");
        }
        claims = claims == null ? ClaimMappings.standard() : claims;
    }

    /** The client secret stays out of logs. */
    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=****, clientAuthentication="
                + clientAuthentication + ", scopes=" + scopes + ", redirectUri=" + redirectUri + ", claims=" + claims
                + ", provisionUnknownUsers=" + provisionUnknownUsers + "]";
    }
}
