package org.autocrm.query.tenancy;

import java.util.Locale;
import java.util.Set;

/**
 * Who is reading: their tenant, user id, role, the groups a staff user belongs to and the scopes
 * of an API key. A customer's user id is their customer id; an API key's is {@code key-<id>}.
 */
public record Caller(String tenantId, String userId, Role role, Set<String> groups, Set<String> scopes) {

    public Caller {
        groups = Set.copyOf(groups);
        scopes = Set.copyOf(scopes);
    }

    public enum Role {
        ADMIN, TEAM_LEAD, AGENT, CUSTOMER,
        /** An integration reading for its organisation; what it may read is decided by its scopes. */
        API_KEY;

        /** The role as it is written in tokens, headers and events: {@code admin}, {@code team_lead}, ... */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Staff users, and API keys reading for the organisation (their scope was checked on the way in). */
    public boolean isStaff() {
        return role != Role.CUSTOMER;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
