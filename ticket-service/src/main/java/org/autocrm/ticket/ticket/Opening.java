package org.autocrm.ticket.ticket;

import java.util.Map;
import org.autocrm.events.Actor;
import org.autocrm.ticket.refusal.Refused;

/**
 * What a new ticket must be: it has a subject and belongs to one customer of its tenant (a customer
 * opens tickets only for themselves), its priority is one of the tenant's, its category one that can
 * still be chosen, and its custom fields fit their definitions. {@link OpeningTicket} is the use case
 * that opens it.
 */
final class Opening {

    private Opening() {
    }

    /** Checks a new ticket, refusing the first rule it breaks; answers its custom fields as checked. */
    static Map<String, Object> check(CreateTicket command, TicketConfiguration configuration,
                                     CustomerDirectory customers) {
        String tenant = command.context().tenantId();
        Actor by = command.context().by();
        if (command.subject() == null || command.subject().isBlank()) {
            throw new Refused(TicketRule.SUBJECT_REQUIRED, "subject is required: a ticket needs a subject");
        }
        if (command.customerId() == null || command.customerId().isBlank()) {
            throw new Refused(TicketRule.CUSTOMER_REQUIRED,
                    "customerId is required: a ticket always belongs to one customer");
        }
        if (TicketPermissions.isCustomer(by) && !by.userId().equals(command.customerId())) {
            throw TicketPermissions.notPermitted(by, "open a ticket for someone else");
        }
        if (customers.find(tenant, command.customerId()).isEmpty()) {
            throw new Refused(TicketRule.UNKNOWN_CUSTOMER,
                    "customerId '" + command.customerId() + "' is not a customer of this organisation");
        }
        TicketFields.requireKnownPriority(tenant, command.priority(), configuration);
        if (command.categoryId() != null) {
            TicketFields.requireSelectableCategory(tenant, command.categoryId(), configuration);
        }
        return CustomFieldValues.forNewTicket(command.customFields(), configuration.customFields(tenant), by);
    }
}
