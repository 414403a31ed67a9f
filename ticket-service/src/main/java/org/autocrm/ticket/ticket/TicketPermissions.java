package org.autocrm.ticket.ticket;

import java.util.Set;
import java.util.function.Predicate;
import org.autocrm.access.Role;
import org.autocrm.events.Actor;
import org.autocrm.ticket.actor.Actors;
import org.autocrm.ticket.refusal.Refused;

/**
 * What each {@link Role} may do to tickets; the one place the ticket permission matrix lives. An
 * API key (whose tickets:write scope is checked where the request enters the service) acts for
 * its organisation: it works a ticket like a team lead, but never writes admin-only notes and
 * never rates. An automation (routing-service's rules, assignment and SLA escalations) works tickets
 * exactly as an API key with every ticket scope does, except that it never takes a ticket for itself:
 * it is not a person who could work on one. An actor whose role the kit does not know may do nothing.
 */
final class TicketPermissions {

    private TicketPermissions() {
    }

    /** Staff users, and API keys acting for the organisation ({@link Role#actsForOrganisation()}). */
    static boolean actsForOrganisation(Actor actor) {
        return has(actor, Role::actsForOrganisation);
    }

    static boolean isAgent(Actor actor) {
        return Actors.is(actor, Role.AGENT);
    }

    static boolean isCustomer(Actor actor) {
        return Actors.is(actor, Role.CUSTOMER);
    }

    /**
     * Whether {@code actor} (with {@code actorGroups}) sees a ticket of {@code customerId} that
     * {@code assignment} says who works: a customer only their own tickets, an agent only those of
     * theirs, of their groups or of nobody, everyone else of the organisation every ticket of their
     * tenant (docs/permissions.md; the tenant is the ticket's to check). A ticket not seen does not exist.
     */
    static boolean maySee(Actor actor, Set<String> actorGroups, String customerId, Assignment assignment) {
        if (isCustomer(actor)) {
            return actor.userId().equals(customerId);
        }
        if (isAgent(actor)) {
            return assignment.includes(actor.userId(), actorGroups);
        }
        return true;
    }

    /**
     * Assigning someone else, or a group, and changing priority need a team lead, an admin, an API key or an
     * automation.
     */
    static boolean canManageOthers(Actor actor) {
        return has(actor, role -> role.leadsTeams() || role == Role.API_KEY || role == Role.AUTOMATION);
    }

    static boolean isAutomation(Actor actor) {
        return Actors.is(actor, Role.AUTOMATION);
    }

    static boolean isAdmin(Actor actor) {
        return Actors.is(actor, Role.ADMIN);
    }

    static void requireStaff(Actor actor, String what) {
        if (!actsForOrganisation(actor)) {
            throw notPermitted(actor, what);
        }
    }

    static void requireLead(Actor actor, String what) {
        if (!canManageOthers(actor)) {
            throw notPermitted(actor, what);
        }
    }

    static Refused notPermitted(Actor actor, String what) {
        String role = actor.role().replace('_', ' ');
        return new Refused(TicketRule.NOT_PERMITTED, withArticle(role) + " may not " + what);
    }

    private static String withArticle(String role) {
        return (!role.isEmpty() && "aeiou".indexOf(role.charAt(0)) >= 0 ? "An " : "A ") + role;
    }

    private static boolean has(Actor actor, Predicate<Role> rule) {
        return Actors.role(actor).filter(rule).isPresent();
    }
}
