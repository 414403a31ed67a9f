package org.autocrm.events;

import java.time.Instant;

/** A tenant status label was defined or changed, mapped to one fixed status. Type {@code autocrm.status_label.defined.v1}. */
public record StatusLabelDefined(
        String labelId,
        String tenantId,
        String label,
        TicketStatus status,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return labelId;
    }
}
