package org.autocrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.autocrm.infrastructure.Infrastructure;

/**
 * All seven services on the shared infrastructure, started once per test JVM for every
 * end-to-end test class, and stopped when the JVM exits. Tests isolate themselves by tenant.
 */
public final class RunningSystem {

    /** The operator's secret for {@code POST /api/auth/tenants}; each test provisions its own tenant with it. */
    static final String PROVISIONING_TOKEN = "e2e-" + UUID.randomUUID();

    private static LocalSystem system;
    private static String automationClientSecret;

    private RunningSystem() {
    }

    static synchronized LocalSystem get() {
        if (system == null) {
            system = start();
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "stop-autocrm-services"));
        }
        return system;
    }

    static Infrastructure infrastructure() {
        return Infrastructure.shared();
    }

    /** The gateway's URL with {@code path} appended, starting the system first if this JVM has not yet. */
    public static String gateway(String path) {
        return get().url(AutoCrmService.GATEWAY) + path;
    }

    /** The secret routing-service signs in to the gateway with ({@link AutomationClientSecret#CLIENT_ID}). */
    static synchronized String automationClientSecret() {
        get();
        return automationClientSecret;
    }

    /** The URL of one service, with {@code path} appended (services behind the gateway are called directly). */
    static String service(AutoCrmService service, String path) {
        return get().url(service) + path;
    }

    private static LocalSystem start() {
        Infrastructure infrastructure = Infrastructure.shared();
        infrastructure.startAll();
        Map<AutoCrmService, Integer> ports = new EnumMap<>(AutoCrmService.class);
        for (AutoCrmService service : AutoCrmService.values()) {
            ports.put(service, freePort());
        }
        Path home = Path.of(System.getProperty("autocrm.home", "..")).toAbsolutePath().normalize();
        List<String> jvm = new ArrayList<>(List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 24) {
            jvm.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        try {
            Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
            // as the local run does: routing-service's client secret made once in the (test run's) data dir
            automationClientSecret = AutomationClientSecret.inDataDir(Files.createDirectories(Path.of("target", "e2e-data")));
            LocalSystem started = LocalSystem.start(infrastructure, ports, home, logs, jvm, List.of(
                    "--autocrm.identity.demo-data=true",
                    "--autocrm.identity.provisioning-token=" + PROVISIONING_TOKEN), automationClientSecret);
            started.awaitReady(Duration.ofMinutes(5));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
