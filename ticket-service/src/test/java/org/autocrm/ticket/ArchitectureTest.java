package org.autocrm.ticket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
    void noPackagesDependOnEachOtherInCycles() {
        slices().matching("org.autocrm.ticket.(**)")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void theWebAdapterKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.autocrm.ticket.web")
                .should().dependOnClassesThat().resideInAnyPackage("org.autocrm.ticket.ticket..",
                        "org.autocrm.ticket.customer..", "org.autocrm.ticket.configuration..",
                        "org.autocrm.ticket.attachment..", "org.autocrm.ticket.history..")
                .check(CLASSES);
    }

    @Test
    void refusalsAndTheActorBridgeDependOnNothingOfTheService() {
        classes().that().resideInAPackage("org.autocrm.ticket.refusal..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.autocrm.ticket.refusal..", "java..")
                .check(CLASSES);
        classes().that().resideInAPackage("org.autocrm.ticket.actor..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.autocrm.ticket.actor..", "java..",
                        "org.autocrm.access", "org.autocrm.events..")
                .check(CLASSES);
    }

    @Test
    void domainPackagesKnowNoSpringMvcOrWebTypes() {
        noClasses().that().resideInAnyPackage("org.autocrm.ticket.ticket..", "org.autocrm.ticket.customer..",
                        "org.autocrm.ticket.configuration..", "org.autocrm.ticket.refusal..", "org.autocrm.ticket.actor..")
                .and().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..", "org.autocrm.access.web..")
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
