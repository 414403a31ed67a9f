/**
 * The HTTP adapter of {@link org.autocrm.routing.ticketcommands.TicketCommands}: ticket-service's own endpoints
 * (assign, edit, status, escalate, bulk for tags, macros), called directly (not through the gateway) as the automation
 * principal with a per-tenant token of the gateway's client-credentials grant ({@link
 * org.autocrm.routing.ticketcommands.infrastructure.AutomationTokens}). Settings: {@code autocrm.routing.ticket-service-url}
 * and {@code autocrm.routing.automation.*} ({@link org.autocrm.routing.ticketcommands.infrastructure.TicketCommandsProperties}).
 * Shown against the real system by deploy's {@code AutomationPrincipalIT}.
 */
package org.autocrm.routing.ticketcommands.infrastructure;
