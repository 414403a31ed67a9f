package org.autocrm.routing.rules.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.autocrm.routing.rules.TicketFacts;
import org.springframework.lang.Nullable;

/**
 * The ticket to try a rule on: either a real ticket by id ({@code ticketId}, as routing-service last saw it on the
 * ticket stream) or a ticket described in the body ({@code ticket}: the fields a rule looks at, {@code channel},
 * {@code priority}, {@code tags}, {@code customFields}, {@code customerTier}, {@code status}, ...). Exactly one.
 */
@Schema(description = "Exactly one of ticketId and ticket")
record DryRunRequest(
        @Nullable @Schema(description = "A ticket routing-service has seen; 404 TICKET_NOT_FOUND otherwise")
        String ticketId,
        @Nullable @Schema(description = "A ticket as the caller describes it") TicketFacts ticket) {
}
