package org.autocrm.routing.assignment.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.assignment.Rotation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A group's rotation. The turns are a list rather than a map keyed by agent id, since an id may hold a dot, which a
 * MongoDB field name may not.
 */
@Document(RotationDocument.COLLECTION)
record RotationDocument(@Id String id, String tenantId, String groupId, long version, List<Turn> turns,
                        Instant lastStamp) {

    static final String COLLECTION = "assignment_rotations";

    record Turn(String agentId, Instant at) {
    }

    Rotation toRotation() {
        Map<String, Instant> last = new LinkedHashMap<>();
        turns.forEach(turn -> last.put(turn.agentId(), turn.at()));
        return new Rotation(version, last, lastStamp);
    }

    static RotationDocument advanced(String tenantId, String groupId, Rotation from, String agentId, Instant at) {
        List<Turn> turns = new ArrayList<>();
        from.lastAssignedAt().forEach((agent, when) -> {
            if (!agent.equals(agentId)) {
                turns.add(new Turn(agent, when));
            }
        });
        turns.add(new Turn(agentId, at));
        return new RotationDocument(Keys.of(tenantId, groupId), tenantId, groupId, from.version() + 1, turns, at);
    }
}
