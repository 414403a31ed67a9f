package org.autocrm.ticket.configuration.priority;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.autocrm.events.PrioritiesDefined;
import org.autocrm.ticket.configuration.ConfigurationViews;
import org.autocrm.ticket.ticket.TicketPriorities;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code ticket_priority_list} in step with the priority events, in the command's transaction. */
@Component
@ProcessingGroup(ConfigurationViews.PROCESSING_GROUP)
class PriorityProjection {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PriorityProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PrioritiesDefined event, @SequenceNumber long version) throws JsonProcessingException {
        jdbc.update("""
                INSERT INTO ticket_priority_list (tenant_id, priorities, version) VALUES (?, ?::jsonb, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET priorities = excluded.priorities, version = excluded.version
                WHERE ticket_priority_list.version < excluded.version
                """, event.tenantId(), json.writeValueAsString(event.priorities()), version);
    }

    @QueryHandler
    PrioritiesView handle(FindPriorities query) throws JsonProcessingException {
        List<String> stored = jdbc.queryForList("SELECT priorities FROM ticket_priority_list WHERE tenant_id = ?",
                String.class, query.tenantId());
        return new PrioritiesView(stored.isEmpty() ? TicketPriorities.DEFAULTS : json.readValue(stored.get(0), STRINGS));
    }
}
