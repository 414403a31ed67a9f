package org.autocrm.routing.rules;

import java.util.List;

/**
 * What a matching rule does to the ticket. Each action becomes one command to ticket-service; {@link #key()} names
 * the command within its event, for the idempotency key {@code <eventId>:<key>}.
 */
public sealed interface Action {

    /** The action's type as an admin writes it, e.g. {@code assign_group}. */
    String type();

    /** Names this action's command within one event: its type, and for a macro also the macro's id. */
    default String key() {
        return type();
    }

    /** Assigns the ticket to a group; the group's assignment strategy may then pick an agent. */
    record AssignToGroup(String groupId) implements Action {
        public String type() {
            return "assign_group";
        }
    }

    record AssignToAgent(String agentId) implements Action {
        public String type() {
            return "assign_agent";
        }
    }

    record SetPriority(String priority) implements Action {
        public String type() {
            return "set_priority";
        }
    }

    record AddTags(List<String> tags) implements Action {
        public AddTags {
            tags = List.copyOf(tags);
        }

        public String type() {
            return "add_tags";
        }
    }

    record RemoveTags(List<String> tags) implements Action {
        public RemoveTags {
            tags = List.copyOf(tags);
        }

        public String type() {
            return "remove_tags";
        }
    }

    record SetCategory(String categoryId) implements Action {
        public String type() {
            return "set_category";
        }
    }

    record ApplySlaPolicy(String policyId) implements Action {
        public String type() {
            return "apply_sla_policy";
        }
    }

    /** Applies a macro: a canned response with its actions, by the canned response's id. */
    record RunMacro(String cannedResponseId) implements Action {
        public String type() {
            return "run_macro";
        }

        @Override
        public String key() {
            // two different macros on one event are two commands, so each needs its own key
            return type() + ":" + cannedResponseId;
        }
    }
}
