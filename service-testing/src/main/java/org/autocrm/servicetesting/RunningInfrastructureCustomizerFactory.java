package org.autocrm.servicetesting;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Reads {@link RunningInfrastructure} on a Spring test class and gives its context the connection properties
 * (registered in {@code META-INF/spring.factories}). Tests asking for the same pieces share one cached context.
 */
public final class RunningInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configurations) {
        RunningInfrastructure asked = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                RunningInfrastructure.class);
        if (asked == null || asked.value().length == 0) {
            return null;
        }
        return new Customizer(Set.copyOf(EnumSet.copyOf(List.of(asked.value()))), asked.database());
    }

    /** A record, so that equal requests share a cached application context. */
    record Customizer(Set<Piece> pieces, String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            InfrastructureProperties properties = InfrastructureProperties.of(pieces, database,
                    context.getEnvironment());
            TestPropertiesFirst.addBelowThem(context.getEnvironment(), properties);
        }
    }
}
