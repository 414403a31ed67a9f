package org.autocrm.events;

import java.time.Instant;

/** A canned response (macro) was created or changed: a body with placeholders such as {{customer.name}} and optional actions. Type {@code autocrm.canned_response.saved.v1}. */
public record CannedResponseSaved(
        String cannedResponseId,
        String tenantId,
        String title,
        String body,
        CannedAction actions,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return cannedResponseId;
    }
}
