package org.autocrm.query.views;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A named ticket list: the filters of {@code GET /api/tickets} (parameter name to its values), a
 * sort and an order. Personal views belong to their owner; shared views to all staff of the tenant.
 */
public record SavedView(
        String viewId,
        String tenantId,
        String ownerId,
        String name,
        Map<String, List<String>> filters,
        String sort,
        String order,
        boolean shared,
        Instant createdAt,
        Instant updatedAt) {

    public SavedView {
        filters = Map.copyOf(filters);
    }
}
