package org.autocrm.ticket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The shape the house style asks for: features without cycles, domain packages without infrastructure. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.autocrm.ticket");

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        // web/ holds the service-wide HTTP error mapping, an adapter every feature's controllers share
        slices().matching("org.autocrm.ticket.(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.autocrm.ticket.web.."))
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.autocrm.ticket.web.."),
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
                .check(CLASSES);
    }

    @Test
    void theTicketDomainKnowsNoWebKafkaJdbcOrMongo() {
        noClasses().that().resideInAPackage("org.autocrm.ticket.ticket")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.kafka..", "org.springframework.jdbc..",
                        "org.springframework.data..", "jakarta.servlet..", "org.apache.kafka..", "com.mongodb..")
                .check(CLASSES);
    }

    @Test
    void controllersSendCommandsAndNeverTouchStorageDirectly() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                        "org.axonframework.eventsourcing.eventstore..")
                .orShould().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(CLASSES);
    }
}
