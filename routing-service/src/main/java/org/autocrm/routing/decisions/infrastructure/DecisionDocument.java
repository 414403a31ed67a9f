package org.autocrm.routing.decisions.infrastructure;

import org.autocrm.routing.decisions.RecordedDecision;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run in {@code routing_decisions}. The id is {@code <tenant>/<eventId>}: one document per event and tenant by
 * construction (the unique {@code _id}), so a run kept again replaces the first instead of adding a second.
 */
@Document(DecisionDocument.COLLECTION)
record DecisionDocument(@Id String id, String tenantId, String ticketId, long sequence, RecordedDecision decision) {

    static final String COLLECTION = "routing_decisions";

    static String idOf(String tenantId, String eventId) {
        return tenantId + "/" + eventId;
    }

    static DecisionDocument of(RecordedDecision decision) {
        return new DecisionDocument(idOf(decision.tenantId(), decision.eventId()), decision.tenantId(),
                decision.ticketId(), decision.sequence(), decision);
    }
}
