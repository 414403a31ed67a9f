package org.autocrm.query.metrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The metrics view stands alone: it shares no code with other views, and only its web adapter knows HTTP. */
class MetricsArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.autocrm.query");

    @Test
    void metricsDoNotDependOnOtherViews() {
        noClasses().that().resideInAPackage("org.autocrm.query.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("org.autocrm.query.ticketsearch..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebAdapterKnowsHttp() {
        noClasses().that().resideInAPackage("org.autocrm.query.metrics")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                        "org.autocrm.query.metrics.web..")
                .check(CLASSES);
    }
}
