package org.autocrm.routing.ticketcommands;

import java.util.List;

/** One change routing-service asks ticket-service to make to a ticket, as its own principal. */
public sealed interface TicketCommand {

    record AssignToAgent(String agentId) implements TicketCommand {
    }

    /** The ticket goes to the group, no agent; the group's assignment strategy may then pick one. */
    record AssignToGroup(String groupId) implements TicketCommand {
    }

    record SetPriority(String priority) implements TicketCommand {
    }

    record ChangeTags(List<String> add, List<String> remove) implements TicketCommand {
        public ChangeTags {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }
    }

    record SetCategory(String categoryId) implements TicketCommand {
    }

    /** @param status a status category ({@code PENDING}) or one of the tenant's status labels */
    record ChangeStatus(String status) implements TicketCommand {
    }

    /** Escalation after an SLA breach: to a group when one is named, and a raised priority when one is named. */
    record Escalate(String groupId, String priority, String note) implements TicketCommand {
    }

    /** Applies a canned response with its actions (posting its text as a public reply). */
    record ApplyMacro(String cannedResponseId) implements TicketCommand {
    }
}
