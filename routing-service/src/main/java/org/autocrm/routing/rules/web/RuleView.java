package org.autocrm.routing.rules.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.autocrm.routing.rules.RuleSpec;
import org.autocrm.routing.rules.StoredRule;

/** A stored rule as written, with its id and version (also the ETag). */
record RuleView(
        String id,
        String name,
        int position,
        boolean active,
        List<String> triggers,
        @Schema(allowableValues = {"all", "any"}) String match,
        List<ConditionBody> conditions,
        List<ActionBody> actions,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static RuleView of(StoredRule rule) {
        RuleSpec spec = rule.spec();
        return new RuleView(rule.id(), spec.name(), spec.position(), rule.active(), spec.triggers(),
                spec.match() == null ? "all" : spec.match(), ConditionBody.ofAll(spec.conditions()),
                ActionBody.ofAll(spec.actions()), rule.version(), rule.createdAt(), rule.updatedAt());
    }
}
