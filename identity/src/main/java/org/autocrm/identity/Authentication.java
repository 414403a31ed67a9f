package org.autocrm.identity;

import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who made the request, as the authentication filter established it: the service kit's {@link Caller}
 * (what the access token names, as every service sees it) and what only identity knows behind it.
 * Identity's endpoints read it from the exchange.
 *
 * @param accountId the account behind a user token, null for an API key
 * @param sessionId the session of a user token, null for an API key or an enrolment token
 * @param apiKeyId  the key of an API-key request, else null
 */
public record Authentication(Caller caller, String accountId, String sessionId, String apiKeyId) {

    public static final String ATTRIBUTE = "autocrm.caller";

    public static Authentication of(ServerWebExchange exchange) {
        Authentication authentication = exchange.getAttribute(ATTRIBUTE);
        if (authentication == null) {
            throw IdentityException.unauthorized("Sign in first: send Authorization: Bearer <access token> or an API key.");
        }
        return authentication;
    }

    public String tenant() {
        return caller.tenantId();
    }

    /** The token's {@code sub}: user id, customer id or {@code key-<id>}. */
    public String subject() {
        return caller.userId();
    }

    public Role role() {
        return caller.role();
    }

    /** An admin, or an API key with the {@code admin} scope. */
    public boolean isAdmin() {
        return caller.is(Role.ADMIN) || (caller.isApiKey() && caller.hasScope("admin"));
    }

    public Authentication requireAdmin() {
        if (!isAdmin()) {
            throw IdentityException.forbidden("Only an admin may do this.");
        }
        return this;
    }

    /** Admins and team leads may read their tenant's users and groups. */
    public Authentication requireAdminOrTeamLead() {
        if (!isAdmin() && !caller.is(Role.TEAM_LEAD)) {
            throw IdentityException.forbidden("Only an admin or a team lead may see this.");
        }
        return this;
    }
}
