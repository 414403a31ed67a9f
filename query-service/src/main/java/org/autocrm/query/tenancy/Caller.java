package org.autocrm.query.tenancy;

import java.util.Set;

/**
 * Who is reading: their tenant, user id, role and the groups they belong to. A customer's user id
 * is their customer id.
 */
public record Caller(String tenantId, String userId, Role role, Set<String> groups) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    public enum Role {
        ADMIN, TEAM_LEAD, AGENT, CUSTOMER;

        /** The role as it is written in headers and events: {@code admin}, {@code team_lead}, ... */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isStaff() {
        return role != Role.CUSTOMER;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }
}
