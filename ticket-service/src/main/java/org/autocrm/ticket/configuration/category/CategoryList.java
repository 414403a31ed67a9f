package org.autocrm.ticket.configuration.category;

import java.util.List;

/**
 * The order of a tenant's active categories, as the commands that change it need it. Reading it
 * also locks the tenant's list until the command's transaction ends, so creations, moves and
 * archivings of one tenant never compute positions from the same stale order.
 */
public interface CategoryList {

    /** The ids of the tenant's active categories, first first. */
    List<String> lockedOrder(String tenantId);
}
