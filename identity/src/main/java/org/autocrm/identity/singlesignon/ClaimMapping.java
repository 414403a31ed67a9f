package org.autocrm.identity.singlesignon;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.access.Role;

/**
 * Turns a validated ID token into an {@link ExternalIdentity} following the tenant's
 * {@link OidcSettings.ClaimMappings}. When several provider values map to roles the strongest
 * wins, so someone in both "support" and "support-admins" is an admin.
 */
final class ClaimMapping {

    /** Weakest first. */
    private static final List<Role> ROLE_STRENGTH = List.of(Role.CUSTOMER, Role.AGENT, Role.TEAM_LEAD, Role.ADMIN);

    private ClaimMapping() {
    }

    static ExternalIdentity map(String tenantId, String issuer, JWTClaimsSet claims,
            OidcSettings.ClaimMappings mappings) {
        String email = single(claims, mappings.email());
        if (email == null || email.isBlank()) {
            throw refused("the provider sent no email (claim '" + mappings.email() + "')");
        }
        // an unverified address could be anyone's: linking by it would hand over their account
        if (Boolean.FALSE.equals(claims.getClaim("email_verified"))
                || "false".equals(String.valueOf(claims.getClaim("email_verified")))) {
            throw refused("the provider has not verified the email " + email);
        }
        String name = single(claims, mappings.name());
        Role role = strongestRole(values(claims, mappings.roles()), mappings);
        Set<String> groups = new LinkedHashSet<>();
        for (String value : values(claims, mappings.groups())) {
            String group = mappings.groupMap().get(value);
            if (group != null) {
                groups.add(group);
            }
        }
        return new ExternalIdentity(tenantId, issuer, claims.getSubject(), email,
                name == null || name.isBlank() ? email : name, role, new ArrayList<>(groups));
    }

    private static Role strongestRole(List<String> providerValues, OidcSettings.ClaimMappings mappings) {
        Role strongest = null;
        for (String value : providerValues) {
            Role role = OidcSettings.personRole(mappings.roleMap().get(value)).orElse(null);
            if (role != null && (strongest == null || ROLE_STRENGTH.indexOf(role) > ROLE_STRENGTH.indexOf(strongest))) {
                strongest = role;
            }
        }
        if (strongest != null) {
            return strongest;
        }
        if (mappings.defaultRole() == null) {
            throw refused("none of your roles at the provider " + providerValues + " gives access to AutoCRM");
        }
        return OidcSettings.personRole(mappings.defaultRole()).orElseThrow();
    }

    /** A claim by name, or by a dotted path into nested objects when there is no claim of that name. */
    private static Object claim(JWTClaimsSet claims, String name) {
        Object direct = claims.getClaim(name);
        if (direct != null || !name.contains(".")) {
            return direct;
        }
        Object current = claims.getClaims();
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<?, ?>) current).get(part);
        }
        return current;
    }

    private static String single(JWTClaimsSet claims, String name) {
        Object value = claim(claims, name);
        return value instanceof String ? (String) value : null;
    }

    private static List<String> values(JWTClaimsSet claims, String name) {
        Object value = claim(claims, name);
        List<String> values = new ArrayList<>();
        if (value instanceof String) {
            values.add((String) value);
        } else if (value instanceof Collection) {
            for (Object item : (Collection<?>) value) {
                if (item != null) {
                    values.add(item.toString());
                }
            }
        }
        return values;
    }

    private static SsoLoginFailed refused(String why) {
        return new SsoLoginFailed(SsoLoginFailed.Reason.NOT_PERMITTED, "Sign-in refused: " + why + ".");
    }
}
