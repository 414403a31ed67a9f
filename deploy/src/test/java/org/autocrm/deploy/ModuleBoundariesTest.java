package org.autocrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The modules of the build depend on each other only in the allowed directions, read from the poms themselves:
 * a service reaches another service only over HTTP or Kafka, never through a Maven dependency; the services
 * share only the event contract ({@code ticket-events}), the service kit ({@code service-access}) and, for the
 * gateway, {@code identity} and the browser application {@code web}; the test support modules are for tests; and libraries never reach back into a
 * service. Modules named here but not (yet) in the build are simply not checked.
 */
class ModuleBoundariesTest {

    private static final String GROUP_ID = "org.autocrm";

    private static final Set<String> SERVICES = Set.of("ticket-service", "query-service", "routing-service",
            "kb-service", "ai-service", "notification-service", "gateway");
    private static final Set<String> LIBRARIES = Set.of("ticket-events", "service-access", "identity",
            "embedded-infrastructure", "service-testing", "web");
    /** Neither a service nor a library: the launcher and end-to-end tests, which start every service. */
    private static final Set<String> ASSEMBLY = Set.of("deploy");

    /** What every service may use at compile and run time, among the project's own modules. */
    private static final Set<String> SERVICE_MAIN = Set.of("ticket-events", "service-access");
    /** The gateway runs the identity provider in its own process and serves the browser application (web). */
    private static final Map<String, Set<String>> SERVICE_MAIN_EXTRA = Map.of("gateway", Set.of("identity", "web"));
    /**
     * What a service's tests may use besides its main dependencies and their test-jars ({@code :test-jar} for a
     * test-jar).
     */
    private static final Set<String> SERVICE_TEST_EXTRA = Set.of("embedded-infrastructure", "service-testing");

    private static final Path ROOT = repositoryRoot();
    private static final List<String> MODULES = modulesOf(ROOT);

    @Test
    void everyModuleOfTheBuildIsAServiceALibraryOrTheAssembly() {
        assertThat(MODULES).as("modules of %s", ROOT.resolve("pom.xml")).contains("deploy", "ticket-events");
        List<String> unplaced = MODULES.stream()
                .filter(m -> !SERVICES.contains(m) && !LIBRARIES.contains(m) && !ASSEMBLY.contains(m)).toList();
        assertThat(unplaced)
                .as("modules that ModuleBoundariesTest does not place as a service, a library or the assembly;"
                        + " add each to SERVICES or LIBRARIES so its dependencies are checked")
                .isEmpty();
        assertThat(Arrays.stream(AutoCrmService.values()).map(AutoCrmService::module))
                .as("the services the launcher starts are the service modules of these rules")
                .allMatch(SERVICES::contains);
    }

    @Test
    void noServiceDependsOnAnotherServiceInAnyScope() {
        assertThat(dependenciesOn(SERVICES, SERVICES))
                .as("services talk over HTTP and Kafka, never through a Maven dependency").isEmpty();
    }

    @Test
    void servicesUseOnlyTheEventContractTheServiceKitAndInTestsTheTestSupport() {
        List<String> violations = new ArrayList<>();
        for (String module : present(SERVICES)) {
            Set<String> main = new LinkedHashSet<>(SERVICE_MAIN);
            main.addAll(SERVICE_MAIN_EXTRA.getOrDefault(module, Set.of()));
            Set<String> test = new LinkedHashSet<>(main);
            test.addAll(SERVICE_TEST_EXTRA);
            main.forEach(library -> test.add(library + ":test-jar")); // the test fixtures of what it runs on
            for (Dependency dependency : projectDependencies(module)) {
                if (dependency.isTestScope()) {
                    if (!test.contains(dependency.key())) {
                        violations.add(module + " depends on " + dependency + "; a service's tests may use only "
                                + sorted(test));
                    }
                } else if (!main.contains(dependency.key())) {
                    violations.add(module + " depends on " + dependency + "; a service's main code may use only "
                            + sorted(main));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void librariesNeverDependOnAService() {
        assertThat(dependenciesOn(LIBRARIES, SERVICES))
                .as("a library serves the services; it never reaches back into one").isEmpty();
    }

    @Test
    void theEventContractDependsOnNoModuleOfTheProject() {
        assertThat(dependenciesOn(Set.of("ticket-events"), projectModules()))
                .as("ticket-events is the public contract: records and schemas only").isEmpty();
    }

    @Test
    void everyModuleHasAReadme() {
        List<String> missing = MODULES.stream().filter(m -> !Files.isRegularFile(ROOT.resolve(m).resolve("README.md")))
                .map(m -> m + "/README.md").toList();
        assertThat(missing).as("every module says what it owns, consumes and emits and how to run it").isEmpty();
    }

    /** A dependency on one of the project's own modules, as one module's pom declares it. */
    record Dependency(String artifactId, String scope, boolean testJar) {

        boolean isTestScope() {
            return "test".equals(scope);
        }

        /** {@code artifactId}, or {@code artifactId:test-jar} for a test-jar. */
        String key() {
            return testJar ? artifactId + ":test-jar" : artifactId;
        }

        @Override
        public String toString() {
            return key() + " (scope " + scope + ")";
        }
    }

    /** "a depends on b (scope s)" for every dependency of a present module of {@code from} on one of {@code to}. */
    private static List<String> dependenciesOn(Set<String> from, Set<String> to) {
        List<String> found = new ArrayList<>();
        for (String module : present(from)) {
            for (Dependency dependency : projectDependencies(module)) {
                if (to.contains(dependency.artifactId())) {
                    found.add(module + " depends on " + dependency);
                }
            }
        }
        return found;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static List<String> present(Set<String> modules) {
        return MODULES.stream().filter(modules::contains).toList();
    }

    /**
     * The dependencies of a module's pom (also in its profiles) on modules of this project: the modules of the
     * build and every module named in these rules, so that a module not yet in the build is still recognised.
     */
    private static List<Dependency> projectDependencies(String module) {
        Set<String> projectModules = projectModules();
        Element project = parse(ROOT.resolve(module).resolve("pom.xml"));
        List<Element> containers = new ArrayList<>(children(project, "dependencies"));
        for (Element profiles : children(project, "profiles")) {
            for (Element profile : children(profiles, "profile")) {
                containers.addAll(children(profile, "dependencies"));
            }
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (Element container : containers) {
            for (Element dependency : children(container, "dependency")) {
                String groupId = text(dependency, "groupId", "");
                String artifactId = text(dependency, "artifactId", "");
                boolean ours = GROUP_ID.equals(groupId) || "${project.groupId}".equals(groupId);
                if (ours && projectModules.contains(artifactId)) {
                    boolean testJar = "test-jar".equals(text(dependency, "type", "jar"))
                            || "tests".equals(text(dependency, "classifier", ""));
                    dependencies.add(new Dependency(artifactId, text(dependency, "scope", "compile"), testJar));
                }
            }
        }
        return dependencies;
    }

    /** The modules of the build and every module named in these rules. */
    private static Set<String> projectModules() {
        Set<String> modules = new LinkedHashSet<>(MODULES);
        modules.addAll(SERVICES);
        modules.addAll(LIBRARIES);
        modules.addAll(ASSEMBLY);
        return modules;
    }

    /** The repository root: the directory above the deploy module, where surefire runs this test. */
    private static Path repositoryRoot() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path pom = root.resolve("pom.xml");
        assertThat(pom).as("the root pom, one directory above the deploy module (working directory %s)",
                Path.of("").toAbsolutePath()).isRegularFile();
        return root;
    }

    private static List<String> modulesOf(Path root) {
        Element project = parse(root.resolve("pom.xml"));
        return children(project, "modules").stream().flatMap(modules -> children(modules, "module").stream())
                .map(module -> module.getTextContent().trim()).collect(Collectors.toList());
    }

    private static Element parse(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(in);
            return document.getDocumentElement();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new AssertionError("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    /** The direct child elements of {@code parent} with the given local name. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name, String otherwise) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? otherwise : found.get(0).getTextContent().trim();
    }
}
