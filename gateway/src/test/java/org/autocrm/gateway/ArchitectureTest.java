package org.autocrm.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway is the edge: its packages without cycles, and no identity or storage in it. Identity (module
 * {@code identity}) runs in the same process and meets the edge only through the exchange attribute
 * {@code autocrm.rateLimitKey} and the order of the web filters.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.autocrm.gateway");

    @Test
    void edgePackagesDoNotDependOnEachOtherInCycles() {
        slices().matching("org.autocrm.gateway.(*)..")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void theEdgeKnowsNothingOfIdentity() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.autocrm.identity..", "org.autocrm.access..")
                .check(CLASSES);
    }

    @Test
    void theEdgeKeepsNothingInStoresOrOnKafka() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                        "org.springframework.kafka..", "org.apache.kafka..", "org.springframework.mail..")
                .check(CLASSES);
    }
}
