package org.autocrm.routing.sla.web;

import org.autocrm.access.Caller;
import org.autocrm.access.Role;

/**
 * Who may work with SLA settings (docs/permissions.md): admins manage calendars and policies, team leads read them;
 * every member of staff reads a ticket's SLA. An API key got here only with the scope the kit checked.
 */
final class SlaAccess {

    private SlaAccess() {
    }

    static void mayReadSettings(Caller caller) {
        if (!(caller.is(Role.ADMIN) || caller.is(Role.TEAM_LEAD) || caller.isApiKey())) {
            throw new NotPermitted(article(caller) + " may not read SLA calendars and policies; admins and team leads may");
        }
    }

    static void mayWriteSettings(Caller caller) {
        if (!(caller.is(Role.ADMIN) || caller.isApiKey())) {
            throw new NotPermitted(article(caller) + " may not change SLA calendars and policies; only admins may");
        }
    }

    static void mayReadTicketSla(Caller caller) {
        if (!(caller.isStaff() || caller.isApiKey())) {
            throw new NotPermitted(article(caller) + " may not read a ticket's SLA; staff may");
        }
    }

    private static String article(Caller caller) {
        String role = caller.role().value().replace('_', ' ');
        return (role.startsWith("a") ? "An " : "A ") + role;
    }

    /** The caller's role may not do this (403 {@code NOT_PERMITTED}). */
    static class NotPermitted extends RuntimeException {
        NotPermitted(String message) {
            super(message);
        }
    }
}
