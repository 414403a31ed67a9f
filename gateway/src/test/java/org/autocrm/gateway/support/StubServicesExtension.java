package org.autocrm.gateway.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * What {@link StubServices @StubServices} does: as a JUnit extension it makes the stubs forget earlier
 * requests; as a Spring {@link ContextCustomizerFactory} (registered in {@code META-INF/spring.factories}) it
 * points the test's gateway at them. Test classes with the same unreachable services may share a context.
 */
public class StubServicesExtension implements BeforeAllCallback, BeforeEachCallback, ContextCustomizerFactory {

    @Override
    public void beforeAll(ExtensionContext context) {
        StubService.all().values().forEach(StubService::reset);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        StubService.all().values().forEach(StubService::forget);
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        StubServices declared = TestContextAnnotationUtils.findMergedAnnotation(testClass, StubServices.class);
        return declared == null ? null : new Addresses(Set.of(declared.unreachable()));
    }

    /** Sets {@code autocrm.services.*} before the gateway starts. */
    private record Addresses(Set<String> unreachable) implements ContextCustomizer {

        Addresses {
            unreachable.forEach(StubService::named); // a misspelt service fails here, not with a confusing 404
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> addresses = new LinkedHashMap<>();
            StubService.all().forEach((name, stub) -> addresses.put("autocrm.services." + name,
                    unreachable.contains(name) ? StubService.unreachableUrl() : stub.baseUrl()));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stubServices", addresses));
        }
    }
}
