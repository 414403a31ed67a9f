package org.autocrm.ticket.ticket.web;

import org.autocrm.ticket.ticket.TicketChange;
import org.springframework.http.ResponseEntity;

/** Every write answers with the ticket's new version, as body and ETag. */
final class TicketResponses {

    private TicketResponses() {
    }

    static ResponseEntity<TicketChange> changed(TicketChange change) {
        return ResponseEntity.ok().eTag(Versions.etag(change.version())).body(change);
    }
}
