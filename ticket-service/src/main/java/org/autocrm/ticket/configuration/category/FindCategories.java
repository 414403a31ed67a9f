package org.autocrm.ticket.configuration.category;

/** Which categories does the tenant have? Active ones in list order, then (if asked) archived ones by name. */
public record FindCategories(String tenantId, boolean includeArchived) {
}
