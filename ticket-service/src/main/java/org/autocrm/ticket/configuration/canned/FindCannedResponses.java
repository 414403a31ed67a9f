package org.autocrm.ticket.configuration.canned;

/** Which canned responses does the tenant have, by title? */
public record FindCannedResponses(String tenantId) {
}
