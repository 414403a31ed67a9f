package org.autocrm.ticket.configuration;

import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.ticket.refusal.Refused;

/**
 * Who may read and change ticket configuration: only admins (and API keys with the admin scope)
 * change it; staff and API keys (every role but customer) read it; customers read only what the
 * portal needs (active categories and customer-visible fields).
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
