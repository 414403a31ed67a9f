package org.autocrm.ticket.configuration.priority;

import java.util.List;
import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the tenant's priorities with this list, lowest first. */
public record DefinePriorities(String tenantId, List<String> priorities, Actor by) {

    /** The tenant has one priority list. */
    @TargetAggregateIdentifier
    public String priorityListId() {
        return PriorityList.idOf(tenantId);
    }
}
