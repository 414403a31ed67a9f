package org.autocrm.gateway.identity.authentication;

import java.util.List;
import org.autocrm.gateway.identity.IdentityException;
import org.autocrm.gateway.identity.Role;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who made the request, as the authentication filter established it; the identity endpoints read it
 * from the exchange.
 *
 * @param subject   the token's {@code sub} (user id, customer id or {@code key-<id>})
 * @param accountId the account behind a user token, null for an API key
 * @param apiKeyId  the key of an API-key request, else null
 */
public record Caller(String tenant, String subject, Role role, List<String> groups, List<String> scopes,
        String accountId, String sessionId, String apiKeyId) {

    public static final String ATTRIBUTE = "autocrm.caller";

    public static Caller of(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw IdentityException.unauthorized("Sign in first: send Authorization: Bearer <access token> or an API key.");
        }
        return caller;
    }

    /** An admin, or an API key with the {@code admin} scope. */
    public boolean isAdmin() {
        return role == Role.ADMIN || (role == Role.API_KEY && scopes.contains("admin"));
    }

    public Caller requireAdmin() {
        if (!isAdmin()) {
            throw IdentityException.forbidden("Only an admin may do this.");
        }
        return this;
    }

    /** Admins and team leads may read their tenant's users and groups. */
    public Caller requireAdminOrTeamLead() {
        if (!isAdmin() && role != Role.TEAM_LEAD) {
            throw IdentityException.forbidden("Only an admin or a team lead may see this.");
        }
        return this;
    }
}
