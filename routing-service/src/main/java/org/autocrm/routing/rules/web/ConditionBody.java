package org.autocrm.routing.rules.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.autocrm.routing.rules.ConditionSpec;
import org.springframework.lang.Nullable;

/**
 * A condition on the wire: a field test ({@code field}, {@code operator}, {@code value}) or a group ({@code match},
 * {@code conditions}); the other half is null.
 */
@Schema(name = "RuleCondition")
record ConditionBody(
        @Nullable @Schema(example = "priority") String field,
        @Nullable @Schema(example = "is") String operator,
        @Nullable @Schema(description = "A string, number, boolean or list; absent for is_set and is_not_set",
                example = "high") Object value,
        @Nullable @Schema(allowableValues = {"all", "any"}) String match,
        @Nullable List<ConditionBody> conditions) {

    ConditionSpec spec() {
        return new ConditionSpec(field, operator, value, match,
                conditions == null ? null : conditions.stream().map(c -> c == null ? null : c.spec()).toList());
    }

    static ConditionBody of(ConditionSpec spec) {
        return new ConditionBody(spec.field(), spec.operator(), spec.value(), spec.match(),
                spec.conditions() == null ? null : spec.conditions().stream().map(ConditionBody::of).toList());
    }

    static List<ConditionSpec> specs(List<ConditionBody> bodies) {
        return bodies == null ? null : bodies.stream().map(c -> c == null ? null : c.spec()).toList();
    }

    static List<ConditionBody> ofAll(List<ConditionSpec> specs) {
        return specs == null ? List.of() : specs.stream().map(ConditionBody::of).toList();
    }
}
