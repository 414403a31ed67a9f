package org.autocrm.routing.assignment.infrastructure;

import java.time.Instant;
import org.autocrm.routing.assignment.Claim;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One claim, keyed by tenant and event id: the unique id is what lets only one replica create it. */
@Document(ClaimDocument.COLLECTION)
record ClaimDocument(@Id String id, String tenantId, String eventId, String ticketId, String groupId,
                     Claim.State state, String agentId, String reason, Instant leaseUntil, Instant createdAt) {

    static final String COLLECTION = "assignment_claims";

    Claim toClaim() {
        return new Claim(tenantId, eventId, ticketId, groupId, state, agentId, reason);
    }
}
