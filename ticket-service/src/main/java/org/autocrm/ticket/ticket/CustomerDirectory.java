package org.autocrm.ticket.ticket;

import java.util.Optional;

/**
 * What the ticket rules need to know about customers: a ticket always belongs to one existing
 * customer of its own tenant. Read inside the command's transaction.
 */
public interface CustomerDirectory {

    /** The customer, if it exists in this tenant. */
    Optional<CustomerSummary> find(String tenantId, String customerId);

    /** The customer with this email address (compared case-insensitively), if any. */
    Optional<CustomerSummary> findByEmail(String tenantId, String email);

    /** What tickets and canned-response placeholders use of a customer. */
    record CustomerSummary(String customerId, String name, String primaryEmail, String company, String language) {
    }
}
