package org.autocrm.routing.assignment.infrastructure;

import java.time.Instant;
import java.util.List;
import org.autocrm.routing.assignment.QueuedTicket;
import org.autocrm.routing.assignment.WaitingTicket;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A ticket waiting in a group's queue, keyed by tenant and ticket (a ticket waits in one group at most). */
@Document(WaitingDocument.COLLECTION)
record WaitingDocument(@Id String id, String tenantId, String ticketId, String groupId, String eventId,
                       Instant slaDueAt, int priorityRank, Instant createdAt, String language, List<String> tags,
                       Instant since) {

    static final String COLLECTION = "assignment_waiting";

    static WaitingDocument of(QueuedTicket ticket) {
        WaitingTicket order = ticket.order();
        return new WaitingDocument(Keys.of(ticket.tenantId(), ticket.ticketId()), ticket.tenantId(), ticket.ticketId(),
                ticket.groupId(), ticket.eventId(), order.slaDueAt(), order.priorityRank(), order.createdAt(),
                ticket.language(), ticket.tags().stream().sorted().toList(), ticket.since());
    }

    QueuedTicket toTicket() {
        return new QueuedTicket(tenantId, groupId, eventId, new WaitingTicket(ticketId, slaDueAt, priorityRank,
                createdAt), language, java.util.Set.copyOf(tags == null ? List.of() : tags), since);
    }
}
