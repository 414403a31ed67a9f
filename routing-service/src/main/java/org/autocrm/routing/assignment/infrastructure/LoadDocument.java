package org.autocrm.routing.assignment.infrastructure;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One agent's open tickets: the ids (so adding or removing one twice changes nothing) and their count (so a cap is
 * one condition of the write that adds one).
 */
@Document(LoadDocument.COLLECTION)
record LoadDocument(@Id String id, String tenantId, String agentId, List<String> tickets, int count) {

    static final String COLLECTION = "assignment_loads";
}
