package org.autocrm.ticket.configuration.customfield;

/**
 * Which custom fields does the tenant have, in the order they were defined?
 *
 * @param includeRetired       also the retired ones
 * @param onlyVisibleToCustomers only those customers may see
 */
public record FindCustomFields(String tenantId, boolean includeRetired, boolean onlyVisibleToCustomers) {
}
