package org.autocrm.ticket.configuration.status;

/** Which status label of the tenant has this id? */
public record FindStatusLabel(String tenantId, String labelId) {
}
