package org.autocrm.access.apidocs;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Every servlet service that publishes an OpenAPI document documents the kit's refusals in it. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiDocsAutoConfiguration {

    @Bean
    ProblemResponsesDocumented problemResponsesDocumented() {
        return new ProblemResponsesDocumented();
    }

    @Bean
    NullableProperties nullableProperties() {
        return new NullableProperties();
    }

    @Bean
    OperationIdsByController operationIdsByController() {
        return new OperationIdsByController();
    }
}
