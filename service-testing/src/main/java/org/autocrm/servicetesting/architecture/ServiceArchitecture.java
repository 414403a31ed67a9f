package org.autocrm.servicetesting.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The house shape of a service (STYLE.md), as ArchUnit rules over the service's base package (the package of its
 * application class): one package per feature ({@code routing.rule}, {@code routing.sla}), and in each feature its
 * domain, with adapters in {@code web} and {@code infrastructure} sub-packages.
 *
 * <ul>
 *   <li><em>Domain packages</em> are the feature packages and their sub-packages other than {@code web} and
 *   {@code infrastructure}: aggregates, policies, use cases, ports.</li>
 *   <li><em>Adapters</em> ({@code web}: controllers, request/response records; {@code infrastructure}: Kafka, Mongo,
 *   Elasticsearch, mail and HTTP clients, their Spring configuration) depend on the domain, never the reverse.</li>
 * </ul>
 *
 * Every rule allows an empty service (a shell with no feature yet), so it can be applied from the first commit and
 * guards the code to come.
 */
public final class ServiceArchitecture {

    /** What a domain package must not know: HTTP and Spring MVC, messaging, storage, search and mail. */
    static final String[] INFRASTRUCTURE = {
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..", "org.autocrm.access.web..",
            "org.springframework.kafka..", "org.apache.kafka..",
            "org.springframework.jdbc..", "org.springframework.data..", "jakarta.persistence..",
            "com.mongodb..", "org.bson..", "co.elastic..", "org.elasticsearch..",
            "org.springframework.mail..", "jakarta.mail.."};

    private ServiceArchitecture() {
    }

    /** No two features depend on each other in a cycle (nor through their sub-packages). */
    public static ArchRule featuresAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /** Domain packages import no web, messaging, storage, search or mail types. */
    public static ArchRule domainKnowsNoInfrastructure(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".*..")
                .and().resideOutsideOfPackages(adapters(basePackage))
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                .as("domain packages of " + basePackage + " know no web, messaging, storage, search or mail types")
                .allowEmptyShould(true);
    }

    /** Domain packages do not reach into the adapters that call or implement them. */
    public static ArchRule domainDoesNotDependOnAdapters(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".*..")
                .and().resideOutsideOfPackages(adapters(basePackage))
                .should().dependOnClassesThat().resideInAnyPackage(adapters(basePackage))
                .as("domain packages of " + basePackage + " do not depend on web or infrastructure adapters")
                .allowEmptyShould(true);
    }

    private static String[] adapters(String basePackage) {
        return new String[] {basePackage + "..web..", basePackage + "..infrastructure.."};
    }
}
