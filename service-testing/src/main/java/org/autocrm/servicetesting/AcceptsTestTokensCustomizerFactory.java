package org.autocrm.servicetesting;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Publishes the test key to a Spring test context whose test class carries {@link AcceptsTestTokens}. */
public final class AcceptsTestTokensCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configurations) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, AcceptsTestTokens.class) ? new Customizer() : null;
    }

    /** A record, so that all such tests share a cached application context. */
    record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            TestPropertiesFirst.addBelowThem(context.getEnvironment(), new MapPropertySource("Test signing key",
                    Map.of(TestCallers.KEY_SET_PROPERTY, TestCallers.keySet())));
        }
    }
}
