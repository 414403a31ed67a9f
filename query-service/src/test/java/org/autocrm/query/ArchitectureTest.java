package org.autocrm.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** query-service reads: its views never depend on each other in cycles and never send commands. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.autocrm.query");

    @Test
    void viewsDoNotDependOnEachOtherInCycles() {
        slices().matching("org.autocrm.query.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theReadSideNeverWritesToTicketService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.autocrm.ticket..")
                .check(CLASSES);
    }
}
