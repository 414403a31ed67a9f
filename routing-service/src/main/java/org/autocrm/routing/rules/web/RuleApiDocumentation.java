package org.autocrm.routing.rules.web;

import java.util.List;
import java.util.Map;
import org.autocrm.access.apidocs.NullableReferences;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code @Nullable} cannot say in the API document about rules: a dry run that matched has no failed condition. */
@Configuration
class RuleApiDocumentation {

    @Bean
    OpenApiCustomizer nullableRuleReferences() {
        return NullableReferences.of(Map.of("DryRunView", List.of("failedCondition")));
    }
}
