package org.autocrm.ticket.configuration.canned;

/** Which canned response of the tenant has this id? */
public record FindCannedResponse(String tenantId, String cannedResponseId) {
}
