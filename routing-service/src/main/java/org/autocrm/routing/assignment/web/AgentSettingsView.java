package org.autocrm.routing.assignment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.assignment.AgentSettings;
import org.autocrm.routing.assignment.AgentSettingsDefinition;
import org.springframework.lang.Nullable;

/** An agent's assignment profile. An agent nobody described answers {@code offline}, in no group, version null. */
@Schema(name = "AgentAssignmentProfile")
record AgentSettingsView(
        String agentId,
        List<String> skills,
        List<String> languages,
        @Nullable Integer capacity,
        String timeZone,
        Map<String, List<AgentSettingsRequest.Slot>> schedule,
        @Schema(allowableValues = {"available", "away", "offline"}) String status,
        List<String> groups,
        @Nullable @Schema(description = "null until the agent's settings are first stored") Long version,
        @Nullable Instant updatedAt) {

    static AgentSettingsView of(AgentSettings settings) {
        AgentSettingsDefinition wire = AgentSettingsDefinition.of(settings.profile());
        Map<String, List<AgentSettingsRequest.Slot>> schedule = new java.util.LinkedHashMap<>();
        wire.schedule().forEach((day, slots) -> schedule.put(day, slots.stream()
                .map(s -> new AgentSettingsRequest.Slot(s.start(), s.end())).toList()));
        return new AgentSettingsView(settings.agentId(), wire.skills(), wire.languages(), wire.capacity(),
                wire.timeZone(), schedule, wire.status(), wire.groups(), settings.version(), settings.updatedAt());
    }
}
