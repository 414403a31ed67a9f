package org.autocrm.identity;

/**
 * The refusals several identity endpoints share, worded once for their OpenAPI entries
 * ({@code @ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)}).
 */
public final class Refusals {

    public static final String NOT_SIGNED_IN = "Not signed in: no access token or API key, or one that is forged, "
            + "expired or revoked, or a session that has ended (WWW-Authenticate says which)";
    public static final String ADMIN_ONLY = "Only an admin, or an API key with the admin scope, may do this";
    public static final String ADMIN_OR_TEAM_LEAD = "Only an admin or a team lead, or an API key with the admin "
            + "scope, may see this";
    public static final String NO_SUCH_USER = "There is no user with this id in the caller's tenant";
    public static final String STORE_UNAVAILABLE = "The identity store cannot be reached right now (see Retry-After); "
            + "safe to retry";
    public static final String TOO_MANY_FROM_ADDRESS = "Too many attempts from this client address; wait as long as "
            + "Retry-After says";

    private Refusals() {
    }
}
