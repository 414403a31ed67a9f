package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** What each role may do to tickets; the one place the ticket permission matrix lives. */
final class Roles {

    static final String ADMIN = "admin";
    static final String TEAM_LEAD = "team_lead";
    static final String AGENT = "agent";
    static final String CUSTOMER = "customer";
    /**
     * An integration acting for the organisation. Its scope (tickets:write) is checked where the
     * request enters the service; here it works a ticket like a team lead, but never writes
     * admin-only notes and never rates.
     */
    static final String API_KEY = "api_key";

    private static final Set<String> STAFF = Set.of(ADMIN, TEAM_LEAD, AGENT, API_KEY);
    private static final Set<String> LEADS = Set.of(ADMIN, TEAM_LEAD, API_KEY);

    private Roles() {
    }

    /** Staff users, and API keys acting for the organisation. */
    static boolean isStaff(Actor actor) {
        return STAFF.contains(actor.role());
    }

    static boolean isAgent(Actor actor) {
        return AGENT.equals(actor.role());
    }

    static boolean isCustomer(Actor actor) {
        return CUSTOMER.equals(actor.role());
    }

    /** Assigning someone else, or a group, and changing priority need a team lead or an admin. */
    static boolean canManageOthers(Actor actor) {
        return LEADS.contains(actor.role());
    }

    static boolean isAdmin(Actor actor) {
        return ADMIN.equals(actor.role());
    }

    static void requireStaff(Actor actor, String what) {
        if (!isStaff(actor)) {
            throw notPermitted(actor, what);
        }
    }

    static void requireLead(Actor actor, String what) {
        if (!canManageOthers(actor)) {
            throw notPermitted(actor, what);
        }
    }

    static TicketRuleViolation notPermitted(Actor actor, String what) {
        return new TicketRuleViolation(TicketRule.NOT_PERMITTED,
                "A " + actor.role().replace('_', ' ') + " may not " + what);
    }
}
