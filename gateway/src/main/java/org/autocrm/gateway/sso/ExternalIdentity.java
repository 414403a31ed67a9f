package org.autocrm.gateway.sso;

import java.util.List;

/**
 * Who the tenant's provider says signed in, mapped to AutoCRM terms. {@code issuer} plus
 * {@code subject} identify the person for good (emails change); link the AutoCRM user by them,
 * and by the (verified) email only on the first sign-in.
 *
 * @param role one of {@code admin, team_lead, agent, customer}
 * @param groups AutoCRM group ids
 */
public record ExternalIdentity(String tenant, String issuer, String subject, String email, String name, String role,
        List<String> groups) {

    public ExternalIdentity {
        groups = List.copyOf(groups);
    }
}
