package org.autocrm.identity.singlesignon;

import java.util.List;
import org.autocrm.access.Role;

/**
 * Who the tenant's provider says signed in, mapped to AutoCRM terms. {@code issuer} plus
 * {@code subject} identify the person for good (emails change); link the AutoCRM user by them,
 * and by the (verified) email only on the first sign-in.
 *
 * @param role a person's role: admin, team lead, agent or customer
 * @param groups AutoCRM group ids
 */
public record ExternalIdentity(String tenant, String issuer, String subject, String email, String name, Role role,
        List<String> groups) {

    public ExternalIdentity {
        groups = List.copyOf(groups);
    }
}
