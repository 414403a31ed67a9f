package org.autocrm.ticket.customer;

import java.util.List;
import java.util.Optional;

/**
 * The tenant-wide facts about customers that one aggregate cannot know: which customer has which
 * email address, and the lookup row other features read. Both are written inside the command's
 * transaction, so a refused or failed command leaves nothing behind and a claim holds across
 * replicas.
 */
public interface CustomerRegister {

    /**
     * Claims each address for the customer and frees the ones it held but no longer lists. Returns
     * the first address another customer of the tenant already has (the caller then refuses the
     * command, which rolls every claim back).
     */
    Optional<EmailOwner> claimEmails(String tenantId, String customerId, List<String> emails);

    /** Records the customer's current profile and version in the lookup table. */
    void record(String tenantId, String customerId, CustomerProfile profile, long version);

    /** An address and the customer that has it. */
    record EmailOwner(String email, String customerId) {
    }
}
