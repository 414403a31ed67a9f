package org.autocrm.routing.decisions;

import java.util.List;
import java.util.Optional;
import org.autocrm.routing.rules.Action;
import org.autocrm.routing.ticketcommands.TicketCommand;

/** A rule's action as ticket-service's command, and its value as the log shows it. */
final class ActionValues {

    private ActionValues() {
    }

    /** The command; empty for an action that is not ticket-service's to do. */
    static Optional<TicketCommand> command(Action action) {
        TicketCommand command = null;
        if (action instanceof Action.AssignToGroup group) {
            command = new TicketCommand.AssignToGroup(group.groupId());
        } else if (action instanceof Action.AssignToAgent agent) {
            command = new TicketCommand.AssignToAgent(agent.agentId());
        } else if (action instanceof Action.SetPriority priority) {
            command = new TicketCommand.SetPriority(priority.priority());
        } else if (action instanceof Action.AddTags add) {
            command = new TicketCommand.ChangeTags(add.tags(), List.of());
        } else if (action instanceof Action.RemoveTags remove) {
            command = new TicketCommand.ChangeTags(List.of(), remove.tags());
        } else if (action instanceof Action.SetCategory category) {
            command = new TicketCommand.SetCategory(category.categoryId());
        } else if (action instanceof Action.RunMacro macro) {
            command = new TicketCommand.ApplyMacro(macro.cannedResponseId());
        }
        return Optional.ofNullable(command);
    }

    static Object value(Action action) {
        if (action instanceof Action.AssignToGroup group) {
            return group.groupId();
        } else if (action instanceof Action.AssignToAgent agent) {
            return agent.agentId();
        } else if (action instanceof Action.SetPriority priority) {
            return priority.priority();
        } else if (action instanceof Action.AddTags add) {
            return add.tags();
        } else if (action instanceof Action.RemoveTags remove) {
            return remove.tags();
        } else if (action instanceof Action.SetCategory category) {
            return category.categoryId();
        } else if (action instanceof Action.ApplySlaPolicy policy) {
            return policy.policyId();
        } else if (action instanceof Action.RunMacro macro) {
            return macro.cannedResponseId();
        }
        return null;
    }
}
