package org.autocrm.routing.assignment.infrastructure;

import java.time.Instant;
import org.autocrm.routing.assignment.GroupSettings;
import org.autocrm.routing.assignment.GroupSettingsDefinition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A group's assignment settings, stored as an admin writes them. */
@Document(GroupDocument.COLLECTION)
record GroupDocument(@Id String id, String tenantId, String groupId, String strategy, String loadMeasure,
                     Boolean matchSkills, Boolean matchLanguage, Integer maxOpenPerAgent, long version,
                     Instant updatedAt) {

    static final String COLLECTION = "assignment_groups";

    static GroupDocument of(GroupSettings settings) {
        GroupSettingsDefinition wire = GroupSettingsDefinition.of(settings.assignment());
        return new GroupDocument(Keys.of(settings.tenantId(), settings.groupId()), settings.tenantId(),
                settings.groupId(), wire.strategy(), wire.loadMeasure(), wire.matchSkills(), wire.matchLanguage(),
                wire.maxOpenPerAgent(), settings.version(), settings.updatedAt());
    }

    GroupSettings toSettings() {
        return new GroupSettings(tenantId, groupId, new GroupSettingsDefinition(strategy, loadMeasure, matchSkills,
                matchLanguage, maxOpenPerAgent).validate(), version, updatedAt);
    }
}
