package org.autocrm.access.apidocs;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service that publishes an OpenAPI document, servlet or reactive (the gateway, which serves identity), gets
 * unique operation ids, {@code @Nullable} properties that admit null, and the refusals its operations declare with
 * {@link ProblemResponse} as problems. A servlet service also documents the refusals the kit's servlet side gives
 * every {@code /api} request ({@link ProblemResponsesDocumented}); the reactive gateway's refusals differ per
 * operation (public sign-in endpoints answer no 401 for a missing token), so its operations declare theirs.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiDocsAutoConfiguration {

    @Bean
    NullableProperties nullableProperties() {
        return new NullableProperties();
    }

    @Bean
    NullableEnums nullableEnums() {
        return new NullableEnums();
    }

    @Bean
    OperationIdsByController operationIdsByController() {
        return new OperationIdsByController();
    }

    @Bean
    DeclaredProblemResponses declaredProblemResponses() {
        return new DeclaredProblemResponses();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletRefusals {

        @Bean
        ProblemResponsesDocumented problemResponsesDocumented() {
            return new ProblemResponsesDocumented();
        }
    }
}
