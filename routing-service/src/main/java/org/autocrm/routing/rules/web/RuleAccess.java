package org.autocrm.routing.rules.web;

import org.autocrm.access.Caller;
import org.autocrm.access.Role;

/**
 * Who may work with routing rules (docs/permissions.md): admins manage them, team leads read them and try them,
 * agents and customers neither. An API key got here only with the scope the kit checked (routing:read or
 * routing:write), so it passes.
 */
final class RuleAccess {

    private RuleAccess() {
    }

    static void mayRead(Caller caller) {
        if (!(caller.is(Role.ADMIN) || caller.is(Role.TEAM_LEAD) || caller.isApiKey())) {
            throw new NotPermitted(article(caller) + " may not read routing rules; admins and team leads may");
        }
    }

    static void mayWrite(Caller caller) {
        if (!(caller.is(Role.ADMIN) || caller.isApiKey())) {
            throw new NotPermitted(article(caller) + " may not change routing rules; only admins may");
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
