package org.autocrm.identity.directory;

import java.time.Instant;
import java.util.List;
import org.autocrm.access.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone who can sign in: a staff user (admin, team lead, agent) or a customer's portal account.
 * A portal account points at the customer in ticket-service ({@code customerId}), which is also the
 * {@code sub} of its tokens. Email is stored lower-case and unique per tenant.
 */
@Document("identity_accounts")
public record Account(
        @Id String id,
        String tenantId,
        String email,
        String name,
        String role,
        List<String> groups,
        String customerId,
        String passwordHash,
        boolean active,
        int failedLogins,
        Instant lockedUntil,
        Instant createdAt) {

    public Account {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public Role roleType() {
        return Role.of(role).orElseThrow(() -> new IllegalStateException("unknown role " + role + " stored"));
    }

    /** The token's {@code sub}: the customer id for a portal account, else the user id. */
    public String subject() {
        return customerId != null ? customerId : id;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Account withRole(String changed) {
        return new Account(id, tenantId, email, name, changed, groups, customerId, passwordHash, active, failedLogins,
                lockedUntil, createdAt);
    }

    public Account withGroups(List<String> changed) {
        return new Account(id, tenantId, email, name, role, changed, customerId, passwordHash, active, failedLogins,
                lockedUntil, createdAt);
    }

    public Account withActive(boolean changed) {
        return new Account(id, tenantId, email, name, role, groups, customerId, passwordHash, changed, failedLogins,
                lockedUntil, createdAt);
    }
}
