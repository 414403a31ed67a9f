package org.autocrm.servicetesting;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Where this module's properties go: above the application's own configuration, below the test's own. */
final class TestPropertiesFirst {

    private TestPropertiesFirst() {
    }

    static void addBelowThem(ConfigurableEnvironment environment, PropertySource<?> properties) {
        MutablePropertySources sources = environment.getPropertySources();
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, properties); // @SpringBootTest(properties = ...) wins
        } else {
            sources.addFirst(properties);
        }
    }
}
