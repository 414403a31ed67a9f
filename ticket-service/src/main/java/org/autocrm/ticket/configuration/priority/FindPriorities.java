package org.autocrm.ticket.configuration.priority;

/** Which priorities does the tenant use, lowest first? */
public record FindPriorities(String tenantId) {
}
