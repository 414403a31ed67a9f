package org.autocrm.ticket.configuration.category;

/** Which category of the tenant has this id? */
public record FindCategory(String tenantId, String categoryId) {
}
