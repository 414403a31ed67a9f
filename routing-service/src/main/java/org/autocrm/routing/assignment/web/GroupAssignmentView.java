package org.autocrm.routing.assignment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.autocrm.routing.assignment.GroupSettings;
import org.autocrm.routing.assignment.GroupSettingsDefinition;
import org.springframework.lang.Nullable;

/**
 * A group's assignment settings. A group nobody configured answers {@code manual} with {@code version} and
 * {@code updatedAt} null.
 */
@Schema(name = "GroupAssignment")
record GroupAssignmentView(
        String groupId,
        @Schema(allowableValues = {"manual", "round_robin", "least_loaded"}) String strategy,
        @Schema(allowableValues = {"open_tickets", "spare_capacity"}) String loadMeasure,
        boolean matchSkills,
        boolean matchLanguage,
        @Nullable Integer maxOpenPerAgent,
        @Nullable @Schema(description = "null until the group's settings are first stored") Long version,
        @Nullable Instant updatedAt) {

    static GroupAssignmentView of(GroupSettings settings) {
        GroupSettingsDefinition wire = GroupSettingsDefinition.of(settings.assignment());
        return new GroupAssignmentView(settings.groupId(), wire.strategy(), wire.loadMeasure(), wire.matchSkills(),
                wire.matchLanguage(), wire.maxOpenPerAgent(), settings.version(), settings.updatedAt());
    }
}
