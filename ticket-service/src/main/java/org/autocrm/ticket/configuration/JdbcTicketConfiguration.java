package org.autocrm.ticket.configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.ticket.TicketConfiguration;
import org.autocrm.ticket.ticket.TicketPriorities;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the ticket rules from the configuration read tables. The tables are written by
 * subscribing handlers in the configuration command's own transaction, so an answer read inside a
 * ticket command's transaction reflects every configuration change already committed.
 */
@Component
class JdbcTicketConfiguration implements TicketConfiguration {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    JdbcTicketConfiguration(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public CategoryState category(String tenantId, String categoryId) {
        List<Boolean> archived = jdbc.queryForList(
                "SELECT archived FROM ticket_category WHERE tenant_id = ? AND category_id = ?",
                Boolean.class, tenantId, categoryId);
        if (archived.isEmpty()) {
            return CategoryState.UNKNOWN;
        }
        return archived.get(0) ? CategoryState.ARCHIVED : CategoryState.ACTIVE;
    }

    @Override
    public Map<String, CustomFieldDefinition> customFields(String tenantId) {
        Map<String, CustomFieldDefinition> byKey = new LinkedHashMap<>();
        jdbc.query("""
                SELECT key, label, type, options, required, visible_to_customers, retired
                FROM ticket_custom_field WHERE tenant_id = ? ORDER BY defined_at, key
                """, rs -> {
            String key = rs.getString("key");
            byKey.put(key, new CustomFieldDefinition(key, rs.getString("label"),
                    FieldType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), strings(rs.getString("options")),
                    rs.getBoolean("required"), rs.getBoolean("visible_to_customers"), rs.getBoolean("retired")));
        }, tenantId);
        return byKey;
    }

    @Override
    public List<String> priorities(String tenantId) {
        List<String> stored = jdbc.queryForList("SELECT priorities FROM ticket_priority_list WHERE tenant_id = ?",
                String.class, tenantId);
        return stored.isEmpty() ? TicketPriorities.DEFAULTS : strings(stored.get(0));
    }

    @Override
    public Optional<TicketStatus> statusOfLabel(String tenantId, String label) {
        if (label == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT status FROM ticket_status_label WHERE tenant_id = ? AND lower(label) = lower(?)",
                String.class, tenantId, label.strip().replaceAll("\\s+", " ")).stream()
                .findFirst()
                .map(TicketStatus::valueOf);
    }

    private List<String> strings(String jsonArray) {
        try {
            return List.copyOf(json.readValue(jsonArray, STRINGS));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
