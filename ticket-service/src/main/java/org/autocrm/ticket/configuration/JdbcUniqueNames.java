package org.autocrm.ticket.configuration;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per claimed name. {@code INSERT ... ON CONFLICT DO NOTHING} waits for a concurrent
 * transaction inserting the same name and then sees its row, so the loser learns it lost
 * instead of failing the whole transaction.
 */
@Component
class JdbcUniqueNames implements UniqueNames {

    private final JdbcTemplate jdbc;

    JdbcUniqueNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String tenantId, Kind kind, String name, String ownerId) {
        String normalised = name.toLowerCase(Locale.ROOT);
        jdbc.update("""
                INSERT INTO ticket_configuration_name (tenant_id, kind, name, owner_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, kind, name) DO NOTHING
                """, tenantId, kind.name(), normalised, ownerId);
        List<String> holder = jdbc.queryForList("""
                SELECT owner_id FROM ticket_configuration_name WHERE tenant_id = ? AND kind = ? AND name = ?
                """, String.class, tenantId, kind.name(), normalised);
        if (!holder.equals(List.of(ownerId))) {
            return false;
        }
        jdbc.update("DELETE FROM ticket_configuration_name WHERE tenant_id = ? AND kind = ? AND owner_id = ? AND name <> ?",
                tenantId, kind.name(), ownerId, normalised);
        return true;
    }
}
