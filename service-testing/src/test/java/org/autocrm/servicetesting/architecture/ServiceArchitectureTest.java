package org.autocrm.servicetesting.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The shared rules catch what they promise to catch, and let a well-shaped or empty service pass. */
class ServiceArchitectureTest {

    private static final String FIXTURES = "org.autocrm.servicetesting.architecture.fixture";

    @Test
    void letsFeaturesWithWebAdaptersThatPointOneWayPass() {
        assertPasses("clean", ServiceArchitecture::featuresAreFreeOfCycles);
        assertPasses("clean", ServiceArchitecture::domainKnowsNoInfrastructure);
        assertPasses("clean", ServiceArchitecture::domainDoesNotDependOnAdapters);
    }

    @Test
    void letsAServiceWithoutAnyFeatureYetPass() {
        assertPasses("empty", ServiceArchitecture::featuresAreFreeOfCycles);
        assertPasses("empty", ServiceArchitecture::domainKnowsNoInfrastructure);
        assertPasses("empty", ServiceArchitecture::domainDoesNotDependOnAdapters);
    }

    @Test
    void findsTwoFeaturesThatDependOnEachOther() {
        assertFails("cyclic", ServiceArchitecture::featuresAreFreeOfCycles, "Cycle detected");
    }

    @Test
    void findsADomainPackageThatImportsWebTypes() {
        assertFails("leaky", ServiceArchitecture::domainKnowsNoInfrastructure, "org.springframework.http.HttpStatus");
    }

    @Test
    void findsADomainPackageThatDependsOnItsOwnWebAdapter() {
        assertFails("inverted", ServiceArchitecture::domainDoesNotDependOnAdapters, "SlaPolicyResponse");
    }

    private static void assertPasses(String service, Function<String, ArchRule> rule) {
        String base = FIXTURES + "." + service;
        assertThatCode(() -> rule.apply(base).check(classes(base))).doesNotThrowAnyException();
    }

    private static void assertFails(String service, Function<String, ArchRule> rule, String naming) {
        String base = FIXTURES + "." + service;
        assertThatThrownBy(() -> rule.apply(base).check(classes(base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(naming);
    }

    private static JavaClasses classes(String basePackage) {
        return new ClassFileImporter().importPackages(basePackage);
    }
}
