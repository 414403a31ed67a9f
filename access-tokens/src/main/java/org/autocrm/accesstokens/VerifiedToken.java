package org.autocrm.accesstokens;

import java.util.Optional;
import java.util.Set;

/**
 * What a verified access token says about its caller; each service maps it to its own caller type.
 *
 * @param tenant  the tenant (support organisation) the caller acts in
 * @param subject the caller's id: a staff user's id, a customer's customer id, {@code key-<id>} for an API key
 * @param role    the one role of the contract the token names
 * @param groups  a staff user's group ids
 * @param scopes  an API key's scopes
 */
public record VerifiedToken(String tenant, String subject, Role role, Set<String> groups, Set<String> scopes) {

    public VerifiedToken {
        groups = Set.copyOf(groups);
        scopes = Set.copyOf(scopes);
    }

    /** A customer's customer id (the verifier checked that {@code customer_id} is the subject); empty for others. */
    public Optional<String> customerId() {
        return role == Role.CUSTOMER ? Optional.of(subject) : Optional.empty();
    }
}
