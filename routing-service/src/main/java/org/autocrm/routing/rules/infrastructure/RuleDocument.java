package org.autocrm.routing.rules.infrastructure;

import java.time.Instant;
import java.util.List;
import org.autocrm.routing.rules.ActionSpec;
import org.autocrm.routing.rules.ConditionSpec;
import org.autocrm.routing.rules.RuleSpec;
import org.autocrm.routing.rules.StoredRule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rule in MongoDB: the shape an admin writes (conditions and actions as plain values), its tenant and its
 * bookkeeping. {@code active} is stored resolved (true when the admin left it out), so a query can filter on it.
 */
@Document(RuleDocument.COLLECTION)
record RuleDocument(
        @Id String id,
        String tenantId,
        String name,
        Integer position,
        boolean active,
        List<String> triggers,
        String match,
        List<ConditionSpec> conditions,
        List<ActionSpec> actions,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "routing_rules";

    static RuleDocument of(StoredRule rule) {
        RuleSpec spec = rule.spec();
        return new RuleDocument(rule.id(), rule.tenantId(), spec.name(), spec.position(), rule.active(),
                spec.triggers(), spec.match(), spec.conditions(), spec.actions(), rule.version(), rule.createdAt(),
                rule.updatedAt());
    }

    StoredRule toRule() {
        return new StoredRule(tenantId, id, new RuleSpec(name, position, active, triggers, match, conditions, actions),
                version, createdAt, updatedAt);
    }
}
