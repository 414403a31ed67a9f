package org.autocrm.ticket.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.events.TicketStatus;

/**
 * What the ticket rules need to know about a tenant's ticket configuration. Answers are
 * consistent with every configuration command already committed (it is read inside the
 * command's transaction), so a ticket never accepts a category archived a moment earlier.
 */
public interface TicketConfiguration {

    /** Whether a category exists for the tenant and whether it can still be chosen. */
    CategoryState category(String tenantId, String categoryId);

    /** The tenant's custom field definitions by key, retired ones included (marked so). */
    Map<String, CustomFieldDefinition> customFields(String tenantId);

    /** The tenant's priorities, lowest first; the defaults LOW, MEDIUM, HIGH, URGENT until it sets its own. */
    List<String> priorities(String tenantId);

    /** The fixed status a tenant's own status label maps to. */
    Optional<TicketStatus> statusOfLabel(String tenantId, String label);

    enum CategoryState { UNKNOWN, ACTIVE, ARCHIVED }

    /** How a custom field's values are checked. */
    enum FieldType { TEXT, NUMBER, DATE, DROPDOWN, MULTI_SELECT, CHECKBOX }

    /**
     * One custom field definition.
     *
     * @param options            the allowed values of a dropdown or multi-select, empty otherwise
     * @param visibleToCustomers false when only agents may see and set it
     * @param retired            true when it can no longer be set
     */
    record CustomFieldDefinition(String key, String label, FieldType type, List<String> options, boolean required,
                                 boolean visibleToCustomers, boolean retired) {
    }
}
