package org.autocrm.ticket.configuration.category;

import java.util.List;
import java.util.Optional;
import org.autocrm.events.CategoryArchived;
import org.autocrm.events.CategoryCreated;
import org.autocrm.events.CategoryMoved;
import org.autocrm.events.CategoryRenamed;
import org.autocrm.ticket.configuration.ConfigurationViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Keeps {@code ticket_category} in step with the category events, in the command's transaction. */
@Component
@ProcessingGroup(ConfigurationViews.PROCESSING_GROUP)
class CategoryProjection {

    private static final RowMapper<CategoryView> VIEW = (rs, row) -> new CategoryView(rs.getString("category_id"),
            rs.getString("name"), (Integer) rs.getObject("position"), rs.getBoolean("archived"));

    private final JdbcTemplate jdbc;

    CategoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CategoryCreated event, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO ticket_category (category_id, tenant_id, name, position, archived, version)
                VALUES (?, ?, ?, ?, FALSE, ?) ON CONFLICT (category_id) DO NOTHING
                """, event.categoryId(), event.tenantId(), event.name(), event.position(), version);
    }

    @EventHandler
    void on(CategoryRenamed event, @SequenceNumber long version) {
        jdbc.update("UPDATE ticket_category SET name = ?, version = ? WHERE category_id = ? AND version < ?",
                event.name(), version, event.categoryId(), version);
    }

    @EventHandler
    void on(CategoryMoved event, @SequenceNumber long version) {
        jdbc.update("UPDATE ticket_category SET position = ?, version = ? WHERE category_id = ? AND version < ?",
                event.position(), version, event.categoryId(), version);
    }

    @EventHandler
    void on(CategoryArchived event, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE ticket_category SET archived = TRUE, position = NULL, version = ?
                WHERE category_id = ? AND version < ?
                """, version, event.categoryId(), version);
    }

    @QueryHandler
    List<CategoryView> handle(FindCategories query) {
        return jdbc.query("""
                SELECT category_id, name, position, archived FROM ticket_category
                WHERE tenant_id = ? AND (? OR NOT archived)
                ORDER BY archived, position, lower(name), category_id
                """, VIEW, query.tenantId(), query.includeArchived());
    }

    @QueryHandler
    Optional<CategoryView> handle(FindCategory query) {
        return jdbc.query("""
                SELECT category_id, name, position, archived FROM ticket_category
                WHERE tenant_id = ? AND category_id = ?
                """, VIEW, query.tenantId(), query.categoryId()).stream().findFirst();
    }
}
