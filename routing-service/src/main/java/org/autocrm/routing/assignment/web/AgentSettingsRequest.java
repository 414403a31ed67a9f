package org.autocrm.routing.assignment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.assignment.AgentSettingsDefinition;
import org.springframework.lang.Nullable;

/** An agent's assignment profile as written; replaces the stored one as a whole and is checked as a whole. */
@Schema(name = "AgentSettings", requiredProperties = "status")
record AgentSettingsRequest(
        @Nullable @Schema(description = "Skills matched against the ticket's tags where the group matches skills")
        List<String> skills,
        @Nullable @Schema(description = "Language tags the agent speaks (de also takes de-AT)", example = "[\"en\", \"de\"]")
        List<String> languages,
        @Nullable @Schema(description = "The most open tickets the agent takes; none when left out", minimum = "0",
                maximum = "10000") Integer capacity,
        @Nullable @Schema(description = "IANA time zone of the schedule; UTC when left out", example = "Europe/Berlin")
        String timeZone,
        @Nullable @Schema(description = "Slots per weekday (monday ... sunday) in timeZone, e.g. {\"monday\": "
                + "[{\"start\": \"09:00\", \"end\": \"17:00\"}]}; end 24:00 for the end of the day; none means always")
        Map<String, List<Slot>> schedule,
        @Schema(allowableValues = {"available", "away", "offline"}) String status,
        @Nullable @Schema(description = "The groups (identity's group ids) whose tickets the agent takes")
        List<String> groups,
        @Nullable @Schema(description = "The version this change was made on (instead of If-Match)") Long version) {

    @Schema(name = "ScheduleSlot", requiredProperties = {"start", "end"})
    record Slot(@Schema(example = "09:00") String start, @Schema(example = "17:00") String end) {
    }

    AgentSettingsDefinition definition() {
        Map<String, List<AgentSettingsDefinition.SlotDefinition>> slots = null;
        if (schedule != null) {
            slots = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, List<Slot>> day : schedule.entrySet()) {
                slots.put(day.getKey(), day.getValue() == null ? null : day.getValue().stream()
                        .map(s -> s == null ? null : new AgentSettingsDefinition.SlotDefinition(s.start(), s.end()))
                        .toList());
            }
        }
        return new AgentSettingsDefinition(skills, languages, capacity, timeZone, slots, status, groups);
    }
}
