package org.autocrm.routing.ticketcommands;

/**
 * The one way routing-service changes a ticket: a command to ticket-service's HTTP API, made as the automation
 * principal (role {@code automation}, user {@code routing-service}) with a token of the gateway's client-credentials
 * grant, for the ticket's tenant.
 */
public interface TicketCommands {

    /**
     * @param reason         what the ticket's history shows as the cause, e.g. {@code rule:<id>}, {@code round_robin},
     *                       {@code sla_breach:<policyId>}
     * @param idempotencyKey {@code <eventId>:<action>}: sent again with the same key, the command is applied once
     * @throws TicketServiceUnavailable when it could not be delivered; retry with the same key
     */
    CommandOutcome send(String tenantId, String ticketId, TicketCommand command, String reason, String idempotencyKey);
}
