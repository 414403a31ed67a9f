package org.autocrm.routing.rules.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.autocrm.routing.rules.TicketFacts;

/**
 * The ticket to try a rule on, as the caller describes it: the fields a rule looks at ({@code channel},
 * {@code priority}, {@code tags}, {@code customFields}, {@code customerTier}, {@code status}, ...). Reading the real
 * ticket from ticket-service by id is still to come.
 */
@Schema(requiredProperties = "ticket")
record DryRunRequest(TicketFacts ticket) {
}
