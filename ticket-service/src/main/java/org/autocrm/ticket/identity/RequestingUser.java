package org.autocrm.ticket.identity;

import java.util.Set;
import org.autocrm.events.Actor;

/**
 * Who sent a request: the tenant it acts in, the user (for a customer their customer id, for an
 * API key {@code key-<id>}), their role, the groups a staff user belongs to and an API key's scopes.
 */
public record RequestingUser(String tenantId, String userId, String role, Set<String> groups, Set<String> scopes) {

    public static final String API_KEY = "api_key";

    public RequestingUser {
        groups = Set.copyOf(groups);
        scopes = Set.copyOf(scopes);
    }

    public RequestingUser(String tenantId, String userId, String role) {
        this(tenantId, userId, role, Set.of(), Set.of());
    }

    public Actor asActor() {
        return new Actor(userId, role);
    }

    public boolean isApiKey() {
        return API_KEY.equals(role);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
