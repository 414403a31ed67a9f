package org.autocrm.ticket.configuration.status;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.autocrm.events.StatusLabelDefined;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.configuration.ConfigurationViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Keeps {@code ticket_status_label} in step with the status label events, in the command's transaction. */
@Component
@ProcessingGroup(ConfigurationViews.PROCESSING_GROUP)
class StatusLabelProjection {

    private static final RowMapper<StatusLabelView> VIEW = (rs, row) -> new StatusLabelView(rs.getString("label_id"),
            rs.getString("label"), TicketStatus.valueOf(rs.getString("status")));
    /** Orders rows like the fixed statuses: NEW, OPEN, IN_PROGRESS, ... */
    private static final String STATUS_ORDER = Arrays.stream(TicketStatus.values())
            .map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(",", "array_position(ARRAY[", "]::varchar[], status)"));

    private final JdbcTemplate jdbc;

    StatusLabelProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StatusLabelDefined event, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO ticket_status_label (label_id, tenant_id, label, status, defined_at, version)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (label_id) DO UPDATE SET label = excluded.label, status = excluded.status,
                                                     version = excluded.version
                WHERE ticket_status_label.version < excluded.version
                """, event.labelId(), event.tenantId(), event.label(), event.status().name(),
                Timestamp.from(event.at()), version);
    }

    @QueryHandler
    List<StatusLabelView> handle(FindStatusLabels query) {
        return jdbc.query("SELECT label_id, label, status FROM ticket_status_label WHERE tenant_id = ? ORDER BY "
                + STATUS_ORDER + ", lower(label), label_id", VIEW, query.tenantId());
    }

    @QueryHandler
    Optional<StatusLabelView> handle(FindStatusLabel query) {
        return jdbc.query("SELECT label_id, label, status FROM ticket_status_label WHERE tenant_id = ? AND label_id = ?",
                VIEW, query.tenantId(), query.labelId()).stream().findFirst();
    }
}
