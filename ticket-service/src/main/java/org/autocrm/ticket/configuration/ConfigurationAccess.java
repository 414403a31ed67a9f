package org.autocrm.ticket.configuration;

import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.ticket.refusal.Refused;

/**
 * Who may read and change ticket configuration: only admins (and API keys with the admin scope)
 * change it; staff and API keys (every role but customer) read it; customers read only what the
 * portal needs (active categories and customer-visible fields). Canned responses (macros) are the
 * exception: team leads manage them too (004 §3.3), as they shape how their teams answer.
 */
public final class ConfigurationAccess {

    /** The API-key scope that stands for an admin here. */
    private static final String ADMIN_SCOPE = "admin";

    private ConfigurationAccess() {
    }

    public static void requireAdmin(Caller caller) {
        if (!isAdmin(caller)) {
            throw new Refused(ConfigurationRule.ADMIN_ONLY,
                    "Only admins can change the ticket configuration; you are " + caller.role().value());
        }
    }

    /** Admins, team leads and API keys with the admin scope: who manages canned responses (macros). */
    public static void requireLead(Caller caller) {
        if (!isAdmin(caller) && !caller.is(Role.TEAM_LEAD)) {
            throw new Refused(ConfigurationRule.LEADS_ONLY,
                    "Only admins and team leads can change canned responses; you are " + caller.role().value());
        }
    }

    public static void requireStaff(Caller caller) {
        if (isCustomer(caller)) {
            throw new Refused(ConfigurationRule.STAFF_ONLY,
                    "Only support staff can read this part of the ticket configuration");
        }
    }

    public static boolean isAdmin(Caller caller) {
        return caller.is(Role.ADMIN) || caller.isApiKey() && caller.hasScope(ADMIN_SCOPE);
    }

    public static boolean isCustomer(Caller caller) {
        return caller.isCustomer();
    }
}
