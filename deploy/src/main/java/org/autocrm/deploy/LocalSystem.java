package org.autocrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.autocrm.infrastructure.Infrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seven AutoCRM services, each as its own JVM started from its executable jar and pointed at
 * the given infrastructure through ordinary Spring Boot properties (the same ones an operator sets
 * to use real clusters).
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(25);

    private final Map<AutoCrmService, Integer> ports;
    private final Map<AutoCrmService, Process> processes = new EnumMap<>(AutoCrmService.class);
    private final Map<AutoCrmService, List<String>> commands = new EnumMap<>(AutoCrmService.class);
    /** Secrets go to a service in its environment, which (unlike its command line) other users cannot read. */
    private final Map<AutoCrmService, Map<String, String>> environments = new EnumMap<>(AutoCrmService.class);
    private final Path logDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalSystem(Map<AutoCrmService, Integer> ports, Path logDir) {
        this.ports = ports;
        this.logDir = logDir;
    }

    /** Starts every service (without waiting for it to be ready; see {@link #awaitReady}). */
    public static LocalSystem start(Infrastructure infrastructure, Map<AutoCrmService, Integer> ports, Path home,
                                    Path logDir, List<String> jvmOptions) {
        return start(infrastructure, ports, home, logDir, jvmOptions, List.of());
    }

    /**
     * Starts every service; {@code gatewayProperties} are extra {@code --name=value} arguments of the
     * gateway (its identity settings: demo data, setup token file, provisioning token). routing-service signs in with
     * a secret made for this start only; see the overload with {@code automationClientSecret}.
     */
    public static LocalSystem start(Infrastructure infrastructure, Map<AutoCrmService, Integer> ports, Path home,
                                    Path logDir, List<String> jvmOptions, List<String> gatewayProperties) {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return start(infrastructure, ports, home, logDir, jvmOptions, gatewayProperties,
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /**
     * Starts every service, the gateway knowing routing-service as the automation client with {@code
     * automationClientSecret} ({@link AutomationClientSecret}), and routing-service signing in with it at the gateway's
     * token endpoint and sending its ticket commands straight to ticket-service.
     */
    public static LocalSystem start(Infrastructure infrastructure, Map<AutoCrmService, Integer> ports, Path home,
                                    Path logDir, List<String> jvmOptions, List<String> gatewayProperties,
                                    String automationClientSecret) {
        LocalSystem system = new LocalSystem(ports, logDir);
        List<String> shared = sharedProperties(infrastructure);
        try {
            for (AutoCrmService service : AutoCrmService.values()) {
                List<String> own = new ArrayList<>();
                if (service == AutoCrmService.GATEWAY) {
                    own.addAll(gatewayProperties);
                    own.add("--autocrm.identity.automation.client-id=" + AutomationClientSecret.CLIENT_ID);
                    system.environments.put(service, Map.of("AUTOCRM_IDENTITY_AUTOMATION_CLIENT_SECRET",
                            automationClientSecret));
                } else if (service == AutoCrmService.ROUTING_SERVICE) {
                    own.add("--autocrm.routing.automation.client-id=" + AutomationClientSecret.CLIENT_ID);
                    system.environments.put(service, Map.of("AUTOCRM_ROUTING_AUTOMATION_CLIENT_SECRET",
                            automationClientSecret));
                    own.add("--autocrm.routing.automation.token-uri=" + system.url(AutoCrmService.GATEWAY) + "/oauth2/token");
                    own.add("--autocrm.routing.ticket-service-url=" + system.url(AutoCrmService.TICKET_SERVICE));
                }
                system.launch(service, executableJar(home, service), jvmOptions, shared, own);
            }
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    public String url(AutoCrmService service) {
        return "http://localhost:" + ports.get(service);
    }

    public Path logOf(AutoCrmService service) {
        return logDir.resolve(service.module() + ".log");
    }

    /** Waits until every service says it is ready; fails early, with its log, if one exits. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<AutoCrmService> waiting = new ArrayList<>(List.of(AutoCrmService.values()));
        while (!waiting.isEmpty()) {
            waiting.removeIf(this::isReady);
            for (AutoCrmService service : waiting) {
                Process process = processes.get(service);
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                            + " during start-up; last lines of " + logOf(service) + ":\n" + tail(logOf(service)));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready within " + timeout.toSeconds() + " s: " + waiting
                        + "; see the logs in " + logDir);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    public boolean isReady(AutoCrmService service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Services that were started and have since exited. */
    public List<AutoCrmService> exited() {
        return processes.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    }

    /**
     * Stops one service gracefully (forcibly after the grace period) and leaves the others running:
     * the end-to-end tests use it to show what callers get while a service is down.
     */
    public void stop(AutoCrmService service) {
        Process process = processes.get(service);
        if (process == null) {
            throw new IllegalStateException(service.module() + " was never started");
        }
        stop(service, process);
    }

    /** Starts a stopped service again with the very command it was first started with (not waiting; see {@link #awaitReady}). */
    public void restart(AutoCrmService service) {
        Process process = processes.get(service);
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(service.module() + " is still running");
        }
        run(service, commands.get(service));
    }

    /** Stops the gateway first and the services behind it after, each gracefully, then forcibly. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Map.Entry<AutoCrmService, Process> entry : processes.entrySet()) {
            stop(entry.getKey(), entry.getValue());
        }
        processes.clear();
    }

    private static void stop(AutoCrmService service, Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("{} did not stop within {} s; killing it", service.module(), STOP_GRACE.toSeconds());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void launch(AutoCrmService service, Path jar, List<String> jvmOptions, List<String> shared,
                        List<String> own) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // its own session: Ctrl-C reaches only the launcher, which then stops services in order
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + ports.get(service));
        command.addAll(shared);
        command.addAll(own);
        if (service == AutoCrmService.GATEWAY) {
            for (AutoCrmService downstream : AutoCrmService.values()) {
                if (downstream != AutoCrmService.GATEWAY) {
                    command.add("--autocrm.services." + downstream.module() + "=" + url(downstream));
                }
            }
        } else {
            // every service validates the gateway's RS256 tokens against its key set (docs/access-tokens.md)
            command.add("--autocrm.identity.jwks-uri=" + url(AutoCrmService.GATEWAY) + "/.well-known/jwks.json");
        }
        commands.put(service, List.copyOf(command));
        run(service, command);
    }

    private void run(AutoCrmService service, List<String> command) {
        try {
            Files.createDirectories(logDir);
            Path logFile = logOf(service);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environments.getOrDefault(service, Map.of()));
            Process process = builder.start();
            processes.put(service, process);
            log.info("Started {} (pid {}) on port {}, log {}", service.module(), process.pid(), ports.get(service), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module(), e);
        }
    }

    private static List<String> sharedProperties(Infrastructure infrastructure) {
        return List.of(
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                "--spring.datasource.url=" + infrastructure.postgres().jdbcUrl("ticket_service"),
                "--spring.datasource.username=" + infrastructure.postgres().username(),
                "--spring.datasource.password=" + infrastructure.postgres().password(),
                "--spring.elasticsearch.uris=" + infrastructure.elasticsearch().url(),
                "--spring.data.mongodb.uri=" + infrastructure.mongo().connectionString() + "/autocrm",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + infrastructure.mail().smtpPort());
    }

    static Path executableJar(Path home, AutoCrmService service) {
        Path target = home.resolve(service.module()).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No executable jar of " + service.module() + " in "
                            + target + "; build first: ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException("No build output for " + service.module() + " in " + target
                    + "; build first: ./mvnw -DskipTests package", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
