package org.autocrm.routing.assignment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.routing.assignment.AgentProfile;

/**
 * Who may work with assignment settings (docs/permissions.md): admins and team leads read and change every group's
 * strategy and every agent's profile; an agent reads their own profile and changes their status, time zone, schedule
 * and languages (not their skills, cap or groups); customers nothing. An API key got here only with the scope the
 * kit checked (routing:read or routing:write), so it passes, except for {@code me}: it is nobody's.
 */
final class AssignmentAccess {

    private AssignmentAccess() {
    }

    static boolean managesAll(Caller caller) {
        return caller.is(Role.ADMIN) || caller.is(Role.TEAM_LEAD) || caller.isApiKey();
    }

    static void mayManage(Caller caller, String what) {
        if (!managesAll(caller)) {
            throw new NotPermitted(article(caller) + " may not " + what + "; admins and team leads may");
        }
    }

    /** Reading an agent's settings: managers, or the agent themselves. */
    static void mayReadAgent(Caller caller, String agentId) {
        if (!managesAll(caller) && !isSelf(caller, agentId)) {
            throw new NotPermitted(article(caller) + " may read only their own assignment settings (/api/routing/agents/me)");
        }
    }

    /** {@code me} is a signed-in member of staff. */
    static void hasOwnSettings(Caller caller) {
        if (!(caller.is(Role.ADMIN) || caller.is(Role.TEAM_LEAD) || caller.is(Role.AGENT))) {
            throw new NotPermitted(article(caller) + " has no assignment settings of its own; only agents, team leads "
                    + "and admins do");
        }
    }

    /** Changing an agent's settings: managers anything; the agent what is theirs to say. */
    static void mayChangeAgent(Caller caller, String agentId, AgentProfile current, AgentProfile changed) {
        if (managesAll(caller)) {
            return;
        }
        if (!isSelf(caller, agentId)) {
            throw new NotPermitted(article(caller) + " may change only their own assignment settings");
        }
        List<String> managed = new ArrayList<>();
        if (!current.skills().equals(changed.skills())) {
            managed.add("skills");
        }
        if (!Objects.equals(current.capacity(), changed.capacity())) {
            managed.add("capacity");
        }
        if (!current.groups().equals(changed.groups())) {
            managed.add("groups");
        }
        if (!managed.isEmpty()) {
            throw new NotPermitted("An agent may change their own status, time zone, schedule and languages, not "
                    + String.join(", ", managed) + ": ask a team lead or an admin");
        }
    }

    private static boolean isSelf(Caller caller, String agentId) {
        return caller.isStaff() && caller.userId().equals(agentId);
    }

    private static String article(Caller caller) {
        String role = caller.role().value().replace('_', ' ');
        return (role.matches("^[aeiou].*") ? "An " : "A ") + role;
    }

    /** The caller's role may not do this (403 {@code NOT_PERMITTED}). */
    static class NotPermitted extends RuntimeException {
        NotPermitted(String message) {
            super(message);
        }
    }
}
