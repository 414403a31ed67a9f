package org.autocrm.routing.assignment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.autocrm.routing.assignment.GroupSettingsDefinition;
import org.springframework.lang.Nullable;

/** A group's assignment settings as an admin or team lead writes them; checked as a whole. */
@Schema(name = "GroupAssignmentSettings", requiredProperties = "strategy")
record GroupAssignmentRequest(
        @Schema(allowableValues = {"manual", "round_robin", "least_loaded"}, example = "round_robin") String strategy,
        @Nullable @Schema(allowableValues = {"open_tickets", "spare_capacity"},
                description = "What least_loaded compares; open_tickets when left out") String loadMeasure,
        @Nullable @Schema(description = "Whether an agent must have every skill the ticket's tags name; false when "
                + "left out") Boolean matchSkills,
        @Nullable @Schema(description = "Whether an agent must speak the ticket's language; false when left out")
        Boolean matchLanguage,
        @Nullable @Schema(description = "The most open tickets any agent of the group holds; none when left out",
                minimum = "1", maximum = "10000") Integer maxOpenPerAgent,
        @Nullable @Schema(description = "The version this change was made on (instead of If-Match)") Long version) {

    GroupSettingsDefinition definition() {
        return new GroupSettingsDefinition(strategy, loadMeasure, matchSkills, matchLanguage, maxOpenPerAgent);
    }
}
