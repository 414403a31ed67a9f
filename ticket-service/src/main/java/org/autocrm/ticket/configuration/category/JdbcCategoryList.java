package org.autocrm.ticket.configuration.category;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the order from the read table, which the subscribing {@link CategoryProjection} keeps
 * current in every command's transaction, after taking a transaction-scoped advisory lock on the
 * tenant's list.
 */
@Component
class JdbcCategoryList implements CategoryList {

    private final JdbcTemplate jdbc;

    JdbcCategoryList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> lockedOrder(String tenantId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "ticket-categories:" + tenantId);
        return jdbc.queryForList("""
                SELECT category_id FROM ticket_category
                WHERE tenant_id = ? AND NOT archived
                ORDER BY position, category_id
                """, String.class, tenantId);
    }
}
