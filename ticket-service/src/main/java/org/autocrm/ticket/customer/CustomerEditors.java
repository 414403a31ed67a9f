package org.autocrm.ticket.customer;

import java.util.Set;
import org.autocrm.events.Actor;

/** Who may create and edit customer profiles: staff (admins, team leads, agents), not customers themselves. */
final class CustomerEditors {

    private static final Set<String> STAFF = Set.of("admin", "team_lead", "agent");

    private CustomerEditors() {
    }

    static void check(Actor actor, String action) {
        if (actor == null || !STAFF.contains(actor.role())) {
            throw new CustomerRuleViolation(CustomerRule.CUSTOMER_EDIT_FORBIDDEN,
                    "role '" + (actor == null ? null : actor.role()) + "' may not " + action
                            + "; only admin, team_lead and agent may");
        }
    }
}
