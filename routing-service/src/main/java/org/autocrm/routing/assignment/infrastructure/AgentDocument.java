package org.autocrm.routing.assignment.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.assignment.AgentSettings;
import org.autocrm.routing.assignment.AgentSettingsDefinition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An agent's profile, stored as written; {@code groups} is queried to find a group's agents. */
@Document(AgentDocument.COLLECTION)
record AgentDocument(@Id String id, String tenantId, String agentId, List<String> skills, List<String> languages,
                     Integer capacity, String timeZone, Map<String, List<AgentSettingsDefinition.SlotDefinition>> schedule,
                     String status, List<String> groups, long version, Instant updatedAt) {

    static final String COLLECTION = "assignment_agents";

    static AgentDocument of(AgentSettings settings) {
        AgentSettingsDefinition wire = AgentSettingsDefinition.of(settings.profile());
        return new AgentDocument(Keys.of(settings.tenantId(), settings.agentId()), settings.tenantId(),
                settings.agentId(), wire.skills(), wire.languages(), wire.capacity(), wire.timeZone(), wire.schedule(),
                wire.status(), wire.groups(), settings.version(), settings.updatedAt());
    }

    AgentSettings toSettings() {
        return new AgentSettings(tenantId, agentId, new AgentSettingsDefinition(skills, languages, capacity, timeZone,
                schedule, status, groups).validate(), version, updatedAt);
    }
}
