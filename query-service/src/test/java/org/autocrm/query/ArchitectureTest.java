package org.autocrm.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autocrm.query.ticketsearch.web.TicketListResponses;
import org.autocrm.query.ticketsearch.web.TicketSearchParameters;
import org.junit.jupiter.api.Test;

/**
 * The shape of query-service: top-level feature packages ({@code ticketsearch}, {@code customers},
 * {@code metrics}, {@code views}, {@code readafter}, ...) without cycles, the generic projection engine below
 * the views, HTTP kept in {@code web} packages, and no view reaching into another view's web adapter.
 */
class ArchitectureTest {

    private static final String ROOT = "org.autocrm.query";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /**
     * Packages outside {@code web} that may use Spring MVC and servlet types. {@code readafter} is read-your-writes
     * for every read: a {@code HandlerInterceptor} that reads {@code X-AutoCRM-Read-After} and {@code minVersion}
     * before any controller runs, its {@code WebMvcConfigurer} registration and problem handler, and the OpenAPI
     * description of that header; it is an HTTP concern of all views at once, so it has no single feature's
     * {@code web} package to live in.
     */
    private static final String[] MAY_USE_SPRING_MVC = {ROOT + ".readafter.."};

    /**
     * The only uses of another feature's web package, by the using feature. A saved view is a stored ticket search:
     * {@code views.web} reads a view's filters with the ticket list's own parameter reader and answers a view's
     * tickets with the ticket list's page, so that a saved view accepts and returns exactly what
     * {@code GET /api/tickets} does.
     */
    private static final Map<String, Set<String>> OTHER_FEATURES_WEB_ALLOWED = Map.of(
            "views", Set.of(TicketSearchParameters.class.getName(), TicketListResponses.class.getName()));

    private static final Pattern FEATURE_WEB = Pattern.compile(Pattern.quote(ROOT) + "\\.([^.]+)\\.web(\\..*)?");

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theReadSideNeverWritesToTicketService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.autocrm.ticket..")
                .check(CLASSES);
    }

    @Test
    void theProjectionEngineKnowsNoView() {
        noClasses().that().resideInAPackage(ROOT + ".projection..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ticketsearch..", ROOT + ".customers..",
                        ROOT + ".metrics..", ROOT + ".views..")
                .because("each view plugs into the one generic engine; the engine never reaches up into a view")
                .check(CLASSES);
    }

    @Test
    void onlyWebPackagesUseSpringMvcAndServletTypes() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .and().resideOutsideOfPackages(ROOT + ".web..", ROOT + ".*.web..")
                .and().resideOutsideOfPackages(MAY_USE_SPRING_MVC)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .because("projections, queries and documents are plain code; HTTP is translated in web packages")
                .check(CLASSES);
    }

    @Test
    void noFeatureUsesAnotherFeaturesWebPackage() {
        classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("use no other feature's web package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String feature = featureOf(origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            Matcher web = FEATURE_WEB.matcher(target.getPackageName());
                            if (web.matches() && !web.group(1).equals(feature)
                                    && !OTHER_FEATURES_WEB_ALLOWED.getOrDefault(feature, Set.of())
                                            .contains(target.getName())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a feature's web package is its HTTP adapter; what two features share lives below web")
                .check(CLASSES);
    }

    /** The top-level package below {@code org.autocrm.query} ("" for the application class itself). */
    private static String featureOf(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return "";
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
