package org.autocrm.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.autocrm.infrastructure.Infrastructure;
import org.autocrm.infrastructure.InfrastructureSettings;

/**
 * Runs the whole of AutoCRM on this machine: real PostgreSQL, Kafka, Elasticsearch, a MongoDB
 * stand-in and GreenMail, with all their data under one directory, plus the seven services as
 * separate processes. Ctrl-C stops everything.
 *
 * <pre>./autocrm run [--data-dir DIR] [--demo-data]</pre>
 */
public final class LocalRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.help) {
            System.out.println("Usage: ./autocrm run [--data-dir DIR] [--demo-data]");
            return;
        }
        Path home = Path.of(System.getProperty("autocrm.home", ".")).toAbsolutePath().normalize();
        Path dataDir = options.dataDir.toAbsolutePath().normalize();

        say("Starting AutoCRM with its data in " + dataDir);
        Infrastructure infrastructure = Infrastructure.start(InfrastructureSettings.local(dataDir));
        CountDownLatch stopped = new CountDownLatch(1);
        LocalSystem[] system = new LocalSystem[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping AutoCRM ...");
            if (system[0] != null) {
                system[0].close();
            }
            infrastructure.close();
            say("Stopped. Data kept in " + dataDir);
            stopped.countDown();
        }, "autocrm-stop"));

        long started = System.nanoTime();
        infrastructure.startAll();
        say("Infrastructure is up: PostgreSQL " + infrastructure.postgres().port()
                + ", Kafka " + infrastructure.kafka().bootstrapServers()
                + ", Elasticsearch " + infrastructure.elasticsearch().url()
                + ", MongoDB " + infrastructure.mongo().connectionString()
                + ", SMTP " + infrastructure.mail().smtpPort() + " / IMAP " + infrastructure.mail().imapPort());

        Map<AutoCrmService, Integer> ports = new EnumMap<>(AutoCrmService.class);
        for (AutoCrmService service : AutoCrmService.values()) {
            ports.put(service, service.localPort());
        }
        Path setupTokenFile = dataDir.resolve("gateway").resolve("setup-token");
        List<String> gatewayProperties = List.of(
                "--autocrm.identity.demo-data=" + options.demoData,
                "--autocrm.identity.setup-token-file=" + setupTokenFile);
        // routing-service's client secret at the gateway: made at the first start, kept (owner-only) in the data dir
        String automationSecret = AutomationClientSecret.inDataDir(dataDir);
        system[0] = LocalSystem.start(infrastructure, ports, home, dataDir.resolve("logs"), serviceJvmOptions(),
                gatewayProperties, automationSecret);
        system[0].awaitReady(READY_TIMEOUT);

        String gateway = system[0].url(AutoCrmService.GATEWAY);
        if (options.demoData) {
            new DemoData(gateway).loadIfEmpty();
        }
        say("");
        say("AutoCRM is ready after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s.");
        say("  Open:        " + gateway + "/   (sign in: agents land in /app, customers in /portal)");
        say("  API:         " + gateway + "/api/... (every /api request needs a token; docs at /swagger-ui.html)");
        if (options.demoData) {
            say("  Demo users:  tenant '" + DemoData.TENANT + "', DEVELOPMENT-ONLY passwords:");
            say("                 admin@demo.example / demo-admin-pw      (admin)");
            say("                 lead@demo.example / demo-lead-pw        (team lead, groups tier-1, billing)");
            say("                 agent@demo.example / demo-agent-pw      (agent, group tier-1)");
            say("                 agent2@demo.example / demo-agent-pw     (agent, group billing)");
            say("                 " + DemoData.PORTAL_EMAIL + " / " + DemoData.PORTAL_PASSWORD + "  (customer portal)");
            say("  Log in:      TOKEN=$(curl -s -X POST " + gateway + "/api/auth/login -H 'Content-Type: application/json' \\");
            say("                 -d '{\"tenant\":\"demo\",\"email\":\"agent@demo.example\",\"password\":\"demo-agent-pw\"}' \\");
            say("                 | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
            say("  Try:         curl -H \"Authorization: Bearer $TOKEN\" " + gateway + "/api/tickets");
            say("               curl -i -X POST " + gateway + "/api/tickets -H \"Authorization: Bearer $TOKEN\" \\");
            say("                 -H 'Content-Type: application/json' \\");
            say("                 -d '{\"subject\":\"Cannot log in\",\"customerId\":\"<customerId>\",\"priority\":\"HIGH\"}'");
        } else if (java.nio.file.Files.exists(setupTokenFile)) {
            say("  First start: create your tenant and its admin once with the setup token in " + setupTokenFile + ":");
            say("                 curl -X POST " + gateway + "/api/auth/setup -H 'Content-Type: application/json' \\");
            say("                   -d '{\"setupToken\":\"'$(cat " + setupTokenFile + ")'\",\"tenant\":\"acme\",\"tenantName\":\"Acme Support\",");
            say("                        \"email\":\"you@acme.example\",\"name\":\"Your Name\",\"password\":\"<8 or more characters>\"}'");
            say("               then log in: POST " + gateway + "/api/auth/login {tenant, email, password}");
            say("               (or start with --demo-data for a ready demo tenant)");
        } else {
            say("  Log in:      POST " + gateway + "/api/auth/login {\"tenant\",\"email\",\"password\"} -> accessToken;");
            say("               send it as Authorization: Bearer <accessToken>");
        }
        say("  Logs:        " + dataDir.resolve("logs"));
        say("Press Ctrl-C to stop.");

        watch(system[0], stopped);
    }

    private static void watch(LocalSystem system, CountDownLatch stopped) throws InterruptedException {
        List<AutoCrmService> reported = new ArrayList<>();
        while (!stopped.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            for (AutoCrmService service : system.exited()) {
                if (!reported.contains(service)) {
                    reported.add(service);
                    say("WARNING: " + service.module() + " has exited; see " + system.logOf(service));
                }
            }
        }
    }

    private static List<String> serviceJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 24) {
            options.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        return options;
    }

    private static void say(String line) {
        System.out.println(line);
    }

    private record Options(Path dataDir, boolean demoData, boolean help) {

        static Options parse(String[] args) {
            Path dataDir = Path.of(System.getenv().getOrDefault("AUTOCRM_DATA_DIR", "data"));
            boolean demo = false;
            boolean help = false;
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            for (int i = 0; i < rest.size(); i++) {
                switch (rest.get(i)) {
                    case "--data-dir" -> {
                        if (i + 1 >= rest.size()) {
                            throw new IllegalArgumentException("--data-dir needs a directory");
                        }
                        dataDir = Path.of(rest.get(++i));
                    }
                    case "--demo-data" -> demo = true;
                    case "-h", "--help" -> help = true;
                    default -> throw new IllegalArgumentException("Unknown option " + rest.get(i)
                            + "; usage: ./autocrm run [--data-dir DIR] [--demo-data]");
                }
            }
            return new Options(dataDir, demo, help);
        }
    }
}
