package org.autocrm.routing.sla.settings;

import java.util.List;
import java.util.Optional;

/** Where a tenant's SLA policies are kept (MongoDB {@code sla_policies}). Every call is scoped to one tenant. */
public interface PolicyStore {

    /** The tenant's policies by position, then id: the order they are tried in. */
    List<StoredPolicy> list(String tenantId);

    Optional<StoredPolicy> find(String tenantId, String id);

    void insert(StoredPolicy policy);

    boolean replace(StoredPolicy policy, long expectedVersion);

    boolean delete(String tenantId, String id, long expectedVersion);

    /** Whether any policy of the tenant names the calendar. */
    boolean usesCalendar(String tenantId, String calendarId);
}
