package org.autocrm.ticket.configuration.customfield;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.autocrm.events.CustomFieldChanged;
import org.autocrm.events.CustomFieldDefined;
import org.autocrm.events.CustomFieldRetired;
import org.autocrm.ticket.configuration.ConfigurationViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code ticket_custom_field} in step with the custom field events, in the command's transaction. */
@Component
@ProcessingGroup(ConfigurationViews.PROCESSING_GROUP)
class CustomFieldProjection {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS =
            "field_id, key, label, type, options, required, visible_to_customers, retired";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CustomFieldProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CustomFieldDefined event, @SequenceNumber long version) throws JsonProcessingException {
        jdbc.update("""
                INSERT INTO ticket_custom_field (field_id, tenant_id, key, label, type, options, required,
                                                 visible_to_customers, retired, defined_at, version)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, FALSE, ?, ?) ON CONFLICT (field_id) DO NOTHING
                """, event.fieldId(), event.tenantId(), event.key(), event.label(), event.type(),
                json.writeValueAsString(event.options()), event.required(), event.visibleToCustomers(),
                Timestamp.from(event.at()), version);
    }

    @EventHandler
    void on(CustomFieldChanged event, @SequenceNumber long version) throws JsonProcessingException {
        jdbc.update("""
                UPDATE ticket_custom_field SET label = ?, options = ?::jsonb, required = ?, visible_to_customers = ?,
                                               version = ?
                WHERE field_id = ? AND version < ?
                """, event.label(), json.writeValueAsString(event.options()), event.required(),
                event.visibleToCustomers(), version, event.fieldId(), version);
    }

    @EventHandler
    void on(CustomFieldRetired event, @SequenceNumber long version) {
        jdbc.update("UPDATE ticket_custom_field SET retired = TRUE, version = ? WHERE field_id = ? AND version < ?",
                version, event.fieldId(), version);
    }

    @QueryHandler
    List<CustomFieldView> handle(FindCustomFields query) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM ticket_custom_field
                WHERE tenant_id = ? AND (? OR NOT retired) AND (NOT ? OR visible_to_customers)
                ORDER BY defined_at, key
                """, this::view, query.tenantId(), query.includeRetired(), query.onlyVisibleToCustomers());
    }

    @QueryHandler
    Optional<CustomFieldView> handle(FindCustomField query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ticket_custom_field WHERE tenant_id = ? AND field_id = ?",
                this::view, query.tenantId(), query.fieldId()).stream().findFirst();
    }

    private CustomFieldView view(ResultSet rs, int row) throws SQLException {
        try {
            return new CustomFieldView(rs.getString("field_id"), rs.getString("key"), rs.getString("label"),
                    rs.getString("type"), json.readValue(rs.getString("options"), STRINGS), rs.getBoolean("required"),
                    rs.getBoolean("visible_to_customers"), rs.getBoolean("retired"));
        } catch (JsonProcessingException e) {
            throw new SQLException("options of custom field " + rs.getString("field_id") + " are not a JSON list", e);
        }
    }
}
