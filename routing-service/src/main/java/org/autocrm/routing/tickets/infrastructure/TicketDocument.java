package org.autocrm.routing.tickets.infrastructure;

import org.autocrm.routing.tickets.StoredTicket;
import org.autocrm.routing.tickets.TicketSnapshot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One ticket in {@code routing_tickets}: id {@code <tenant>/<ticket>}, its last snapshot and the one before. */
@Document("routing_tickets")
class TicketDocument {

    @Id
    String id;
    String tenantId;
    String ticketId;
    long sequence;
    String eventId;
    TicketSnapshot current;
    TicketSnapshot previous;

    static String idOf(String tenantId, String ticketId) {
        return tenantId + "/" + ticketId;
    }

    static TicketDocument of(StoredTicket ticket) {
        TicketDocument document = new TicketDocument();
        document.id = idOf(ticket.current().tenantId(), ticket.current().ticketId());
        document.tenantId = ticket.current().tenantId();
        document.ticketId = ticket.current().ticketId();
        document.sequence = ticket.sequence();
        document.eventId = ticket.eventId();
        document.current = ticket.current();
        document.previous = ticket.previous();
        return document;
    }

    StoredTicket toTicket() {
        return new StoredTicket(current, previous, eventId);
    }
}
