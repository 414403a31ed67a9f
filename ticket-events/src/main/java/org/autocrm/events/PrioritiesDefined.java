package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** The ordered list of priorities of a tenant (lowest first) was set. The aggregate is the tenant. Type {@code autocrm.priorities.defined.v1}. */
public record PrioritiesDefined(
        String priorityListId,
        String tenantId,
        List<String> priorities,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return priorityListId;
    }
}
