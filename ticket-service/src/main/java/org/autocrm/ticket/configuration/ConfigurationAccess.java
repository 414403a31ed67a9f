package org.autocrm.ticket.configuration;

import org.autocrm.ticket.identity.RequestingUser;

/**
 * Who may read and change ticket configuration: only admins (and API keys with the admin scope)
 * change it; staff and API keys (every role but customer) read it; customers read only what the
 * portal needs (active categories and customer-visible fields).
 */
public final class ConfigurationAccess {

    private static final String ADMIN = "admin";
    private static final String CUSTOMER = "customer";

    private ConfigurationAccess() {
    }

    public static void requireAdmin(RequestingUser caller) {
        if (!isAdmin(caller)) {
            throw new ConfigurationRuleViolation(ConfigurationRule.ADMIN_ONLY,
                    "Only admins can change the ticket configuration; you are " + caller.role());
        }
    }

    public static void requireStaff(RequestingUser caller) {
        if (isCustomer(caller)) {
            throw new ConfigurationRuleViolation(ConfigurationRule.STAFF_ONLY,
                    "Only support staff can read this part of the ticket configuration");
        }
    }

    public static boolean isAdmin(RequestingUser caller) {
        return ADMIN.equals(caller.role()) || caller.isApiKey() && caller.hasScope(ADMIN);
    }

    public static boolean isCustomer(RequestingUser caller) {
        return CUSTOMER.equals(caller.role());
    }
}
