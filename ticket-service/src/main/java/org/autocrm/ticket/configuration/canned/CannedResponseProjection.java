package org.autocrm.ticket.configuration.canned;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.autocrm.events.CannedAction;
import org.autocrm.events.CannedResponseDeleted;
import org.autocrm.events.CannedResponseSaved;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.configuration.ConfigurationViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code ticket_canned_response} in step with the canned response events, in the command's
 * transaction; a deleted response leaves the table.
 */
@Component
@ProcessingGroup(ConfigurationViews.PROCESSING_GROUP)
class CannedResponseProjection {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = "canned_response_id, title, body, set_status, add_tags, assign_group_id, actions";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CannedResponseProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CannedResponseSaved event, @SequenceNumber long version) throws JsonProcessingException {
        CannedAction actions = event.actions() == null ? new CannedAction(null, List.of(), null) : event.actions();
        jdbc.update("""
                INSERT INTO ticket_canned_response (canned_response_id, tenant_id, title, body, set_status, add_tags,
                                                    assign_group_id, actions, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)
                ON CONFLICT (canned_response_id) DO UPDATE SET title = excluded.title, body = excluded.body,
                    set_status = excluded.set_status, add_tags = excluded.add_tags,
                    assign_group_id = excluded.assign_group_id, actions = excluded.actions,
                    version = excluded.version
                WHERE ticket_canned_response.version < excluded.version
                """, event.cannedResponseId(), event.tenantId(), event.title(), event.body(),
                actions.setStatus() == null ? null : actions.setStatus().name(),
                json.writeValueAsString(actions.addTags() == null ? List.of() : actions.addTags()),
                actions.assignGroupId(), json.writeValueAsString(actions), Timestamp.from(event.at()), version);
    }

    @EventHandler
    void on(CannedResponseDeleted event) {
        jdbc.update("DELETE FROM ticket_canned_response WHERE canned_response_id = ?", event.cannedResponseId());
    }

    @QueryHandler
    List<CannedResponseView> handle(FindCannedResponses query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ticket_canned_response WHERE tenant_id = ?"
                + " ORDER BY lower(title), created_at, canned_response_id", this::view, query.tenantId());
    }

    @QueryHandler
    Optional<CannedResponseView> handle(FindCannedResponse query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ticket_canned_response WHERE tenant_id = ? AND canned_response_id = ?",
                this::view, query.tenantId(), query.cannedResponseId()).stream().findFirst();
    }

    private CannedResponseView view(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("set_status");
        String document = rs.getString("actions");
        try {
            CannedAction actions = document != null ? json.readValue(document, CannedAction.class)
                    : new CannedAction(status == null ? null : TicketStatus.valueOf(status),
                            json.readValue(rs.getString("add_tags"), STRINGS), rs.getString("assign_group_id"));
            return new CannedResponseView(rs.getString("canned_response_id"), rs.getString("title"),
                    rs.getString("body"), actions);
        } catch (JsonProcessingException e) {
            throw new SQLException("actions of canned response " + rs.getString("canned_response_id")
                    + " are not readable JSON", e);
        }
    }
}
