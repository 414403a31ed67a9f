package org.autocrm.ticket.configuration.priority;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.autocrm.events.PrioritiesDefined;
import org.autocrm.ticket.ticket.TicketPriorities;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The ordered priorities of one tenant, lowest first. Every tenant has the defaults until an
 * admin defines its own; the list is created by the first definition.
 */
@Aggregate
public class PriorityList {

    @AggregateIdentifier
    private String priorityListId;
    private List<String> priorities = TicketPriorities.DEFAULTS;

    protected PriorityList() {
        // for Axon: to rebuild the list from its events, or to create it on the first definition
    }

    /** The id of a tenant's priority list. */
    public static String idOf(String tenantId) {
        return "priorities:" + tenantId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefinePriorities command) {
        List<String> valid = PriorityNames.valid(command.priorities());
        if (priorityListId != null && valid.equals(priorities)) {
            return;
        }
        apply(new PrioritiesDefined(command.priorityListId(), command.tenantId(), valid, command.by(),
                GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(PrioritiesDefined event) {
        priorityListId = event.priorityListId();
        priorities = event.priorities();
    }
}
