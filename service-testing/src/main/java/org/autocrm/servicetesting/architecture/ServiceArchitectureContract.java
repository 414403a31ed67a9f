package org.autocrm.servicetesting.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The {@link ServiceArchitecture} rules over a service's main code. A service's test is a subclass naming its
 * application class (whose package is the service's base package):
 *
 * <pre>{@code
 * class ArchitectureTest extends ServiceArchitectureContract {
 *     ArchitectureTest() {
 *         super(RoutingServiceApplication.class);
 *     }
 * }
 * }</pre>
 *
 * A service with rules of its own adds them as further test methods of the subclass.
 */
public abstract class ServiceArchitectureContract {

    protected final String basePackage;
    protected final JavaClasses classes;

    protected ServiceArchitectureContract(Class<?> application) {
        this.basePackage = application.getPackageName();
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    @Test
    public void featuresDoNotDependOnEachOtherInCycles() {
        ServiceArchitecture.featuresAreFreeOfCycles(basePackage).check(classes);
    }

    @Test
    public void domainPackagesKnowNoWebMessagingStorageOrMail() {
        ServiceArchitecture.domainKnowsNoInfrastructure(basePackage).check(classes);
    }

    @Test
    public void domainPackagesDoNotDependOnTheirAdapters() {
        ServiceArchitecture.domainDoesNotDependOnAdapters(basePackage).check(classes);
    }
}
