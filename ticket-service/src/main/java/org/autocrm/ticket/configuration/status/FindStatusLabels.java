package org.autocrm.ticket.configuration.status;

/** Which status labels does the tenant have, in the order of the fixed statuses they map to? */
public record FindStatusLabels(String tenantId) {
}
