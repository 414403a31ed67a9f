package org.autocrm.access;

import java.util.Optional;
import java.util.Set;

/**
 * Who sent a request, as a verified access token (or, in a single service's tests, the development
 * headers) names them. Every service receives this one record; what the caller may then do is each
 * service's own rule.
 *
 * @param tenantId the tenant (support organisation) the caller acts in
 * @param userId   a staff user's id, a customer's customer id, {@code key-<id>} for an API key
 * @param role     the one role of the contract the token names
 * @param groups   a staff user's group ids
 * @param scopes   an API key's scopes
 * @param name     the display name the token carries ({@code name}), or null; for showing only (who is viewing a
 *                 ticket), never for a decision
 */
public record Caller(String tenantId, String userId, Role role, Set<String> groups, Set<String> scopes,
                     String name) {

    public Caller {
        groups = Set.copyOf(groups);
        scopes = Set.copyOf(scopes);
    }

    public Caller(String tenantId, String userId, Role role, Set<String> groups, Set<String> scopes) {
        this(tenantId, userId, role, groups, scopes, null);
    }

    public Caller(String tenantId, String userId, Role role) {
        this(tenantId, userId, role, Set.of(), Set.of());
    }

    /** A customer's customer id (the verifier checked that {@code customer_id} is the subject); empty for others. */
    public Optional<String> customerId() {
        return isCustomer() ? Optional.of(userId) : Optional.empty();
    }

    /** @see Role#isStaff() */
    public boolean isStaff() {
        return role.isStaff();
    }

    /** @see Role#actsForOrganisation() */
    public boolean actsForOrganisation() {
        return role.actsForOrganisation();
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    public boolean isApiKey() {
        return role == Role.API_KEY;
    }

    public boolean is(Role other) {
        return role == other;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
