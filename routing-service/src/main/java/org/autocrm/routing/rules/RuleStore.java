package org.autocrm.routing.rules;

import java.util.List;
import java.util.Optional;

/** Where a tenant's rules are kept (MongoDB in {@code rules.infrastructure}). Every call is scoped to one tenant. */
public interface RuleStore {

    /** The tenant's rules by position, then id: the order they run in. */
    List<StoredRule> list(String tenantId);

    Optional<StoredRule> find(String tenantId, String id);

    void insert(StoredRule rule);

    /**
     * Replaces the rule if it still has {@code expectedVersion}; false if it is gone or has moved on, and nothing
     * changes.
     */
    boolean replace(StoredRule rule, long expectedVersion);

    /** Deletes the rule if it still has {@code expectedVersion}; false if it is gone or has moved on. */
    boolean delete(String tenantId, String id, long expectedVersion);
}
