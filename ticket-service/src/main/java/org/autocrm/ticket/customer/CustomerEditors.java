package org.autocrm.ticket.customer;

import java.util.Set;
import org.autocrm.events.Actor;

/**
 * Who may create and edit customer profiles: staff (admins, team leads, agents) and API keys (whose
 * customers:write scope is checked where the request enters the service), not customers themselves.
 */
final class CustomerEditors {

    private static final Set<String> STAFF = Set.of("admin", "team_lead", "agent", "api_key");

    private CustomerEditors() {
    }

    static void check(Actor actor, String action) {
        if (actor == null || !STAFF.contains(actor.role())) {
            throw new CustomerRuleViolation(CustomerRule.CUSTOMER_EDIT_FORBIDDEN,
                    "role '" + (actor == null ? null : actor.role()) + "' may not " + action
                            + "; only admin, team_lead, agent and api_key may");
        }
    }
}
