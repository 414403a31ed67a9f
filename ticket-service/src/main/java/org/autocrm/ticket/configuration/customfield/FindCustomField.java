package org.autocrm.ticket.configuration.customfield;

/** Which custom field of the tenant has this id? */
public record FindCustomField(String tenantId, String fieldId) {
}
