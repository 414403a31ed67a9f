package org.autocrm.ticket.customer;

import java.util.Arrays;
import java.util.List;
import org.autocrm.access.Role;
import org.autocrm.events.Actor;
import org.autocrm.ticket.actor.Actors;
import org.autocrm.ticket.refusal.Refused;

/**
 * Who may create and edit customer profiles: those who act for the organisation — staff (admins,
 * team leads, agents) and API keys (whose customers:write scope is checked where the request
 * enters the service) — not customers themselves, and not the automation (routing-service works tickets, never
 * customer profiles).
 */
public final class CustomerEditors {

    private static final List<String> EDITORS = Arrays.stream(Role.values()).filter(CustomerEditors::edits)
            .map(Role::value).toList();

    private CustomerEditors() {
    }

    static void check(Actor actor, String action) {
        if (!Actors.role(actor).map(CustomerEditors::edits).orElse(false)) {
            throw refusal(actor == null ? null : actor.role(), action);
        }
    }

    private static boolean edits(Role role) {
        return role.actsForOrganisation() && role != Role.AUTOMATION;
    }

    /** The refusal of a role (as written, or null) that may not {@code action}. */
    public static Refused refusal(String role, String action) {
        return new Refused(CustomerRule.CUSTOMER_EDIT_FORBIDDEN,
                "role '" + role + "' may not " + action + "; only "
                        + String.join(", ", EDITORS.subList(0, EDITORS.size() - 1)) + " and "
                        + EDITORS.get(EDITORS.size() - 1) + " may");
    }
}
