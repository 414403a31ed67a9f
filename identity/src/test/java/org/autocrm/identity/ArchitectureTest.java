package org.autocrm.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.WebFilter;

/**
 * The shape the house style asks for: identity's features without cycles (the root package holds what they
 * share: settings, refusals, the authenticated caller), and WebFlux only in the web adapters.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.autocrm.identity");

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("org.autocrm.identity.(*)..")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void theSharedRootDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.autocrm.identity")
                .should().dependOnClassesThat().resideInAPackage("org.autocrm.identity.*..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebAdaptersSeeTheRequest() {
        noClasses().that().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(RestControllerAdvice.class)
                .and().doNotImplement(WebFilter.class)
                // the two readers of the exchange the adapters share: who is calling, from which address
                .and().doNotHaveFullyQualifiedName(Authentication.class.getName())
                .and().doNotHaveFullyQualifiedName(ClientAddress.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.server..",
                        "org.springframework.http.server..")
                .check(CLASSES);
    }

    @Test
    void theStoresAndUseCasesKnowNoWebFlux() {
        noClasses().that().resideInAnyPackage("..identity.directory..", "..identity.session..", "..identity.token..",
                        "..identity.apikey..", "..identity.audit..", "..identity.onetime..", "..identity.twofactor..")
                .and().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http.server..", "reactor.netty..", "io.netty..")
                .check(CLASSES);
    }

    @Test
    void theTotpArithmeticIsPlainJava() {
        classes().that().haveNameMatching(
                        ".*\\.twofactor\\.(Base32|RecoveryCodes|TotpAuthenticator|TotpCheck|TotpRequirement|TotpSecret)(\\$.*)?")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                        "org.autocrm.identity.twofactor")
                .check(CLASSES);
    }
}
