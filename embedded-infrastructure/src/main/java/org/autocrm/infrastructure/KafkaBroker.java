package org.autocrm.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/**
 * A real Kafka broker (KRaft, combined broker+controller, node id 1) running in a child JVM from Kafka's own
 * jars. It can be stopped and started again on the same port and log directory, which keeps its records.
 */
public final class KafkaBroker {

  private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final int port;
  private final int controllerPort;
  private final Path logDirectory;
  private final Path configDirectory;
  private final Path serverProperties;
  private final Path logFile;
  private final String classpath;
  private ChildProcess process;

  private KafkaBroker(InfrastructureSettings settings, int port, int controllerPort) {
    this.port = port;
    this.controllerPort = controllerPort;
    this.logDirectory = settings.dataDir().resolve("kafka");
    this.configDirectory = settings.dataDir().resolve("kafka-config");
    this.serverProperties = configDirectory.resolve("server.properties");
    this.logFile = settings.logDir().resolve("kafka.log");
    this.classpath = BuildInfo.get("kafka.classpath");
  }

  static KafkaBroker start(InfrastructureSettings settings, int port, int controllerPort) {
    KafkaBroker broker = new KafkaBroker(settings, port, controllerPort);
    broker.start();
    return broker;
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  /** The broker's log directory ({@code log.dirs}), which also holds the KRaft metadata log. */
  public Path logDirectory() {
    return logDirectory;
  }

  /** The broker process's own output. */
  public Path logFile() {
    return logFile;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the broker process (again) on the same ports and log directory; does nothing when it runs. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    long started = System.nanoTime();
    FileTree.createDirectories(logDirectory);
    FileTree.createDirectories(configDirectory);
    writeServerProperties();
    formatStorageIfNeeded();
    List<String> command = new ArrayList<>();
    command.add(Jvm.javaExecutable());
    command.add("-Xmx512m");
    command.add("-Xms64m");
    command.add("-XX:+UseG1GC");
    command.add("-Djava.awt.headless=true");
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
    command.addAll(Jvm.modernJdkFlags());
    command.add("@" + classpathArgumentFile()); // keeps the command line short and readable in ps
    command.add("kafka.Kafka");
    command.add(serverProperties.toString());
    process = ChildProcess.start("Kafka broker", command, Map.of(), configDirectory, logFile);
    try {
      awaitReady();
    } catch (RuntimeException e) {
      process.stop();
      process = null;
      throw e;
    }
    LOG.log(Level.INFO, "Kafka broker started on {0} (controller 127.0.0.1:{1,number,#}, pid {2,number,#}) in {3} ms"
            + " (log dir {4}, output {5})", bootstrapServers(), controllerPort, process.pid(),
        (System.nanoTime() - started) / 1_000_000, logDirectory, logFile);
  }

  /** Stops the broker process (SIGTERM, controlled shutdown; killed after 10 s), keeping its data. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    long started = System.nanoTime();
    long pid = process.pid();
    process.stop();
    process = null;
    LOG.log(Level.INFO, "Kafka broker on {0} (pid {1,number,#}) stopped in {2} ms", bootstrapServers(), pid,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Kills the broker process at once (SIGKILL), like a crash; {@link #start()} recovers its log. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.kill();
    process = null;
    LOG.log(Level.INFO, "Kafka broker on {0} killed", bootstrapServers());
  }

  /** The broker's process, if it runs (for tests that check what is left behind). */
  public synchronized java.util.Optional<ProcessHandle> processHandle() {
    return isRunning() ? java.util.Optional.of(process.handle()) : java.util.Optional.empty();
  }

  private void writeServerProperties() {
    Properties properties = new Properties();
    properties.setProperty("process.roles", "broker,controller");
    properties.setProperty("node.id", "1");
    properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    properties.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    properties.setProperty("controller.listener.names", "CONTROLLER");
    properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
    properties.setProperty("log.dirs", logDirectory.toString());
    properties.setProperty("num.partitions", "3");
    properties.setProperty("auto.create.topics.enable", "true");
    properties.setProperty("offsets.topic.replication.factor", "1");
    properties.setProperty("transaction.state.log.replication.factor", "1");
    properties.setProperty("transaction.state.log.min.isr", "1");
    properties.setProperty("group.initial.rebalance.delay.ms", "0");
    try (var out = Files.newBufferedWriter(serverProperties, StandardCharsets.UTF_8)) {
      properties.store(out, "written by org.autocrm.infrastructure.KafkaBroker on every start");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + serverProperties, e);
    }
  }

  /** A java @argument file holding {@code -cp <the broker's classpath>}. */
  private Path classpathArgumentFile() {
    Path file = configDirectory.resolve("classpath.args");
    try {
      // quoted, with backslashes escaped, as java's @file syntax wants
      Files.writeString(file, "-cp \"" + classpath.replace("\\", "\\\\") + "\"" + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** Formats the log directory for KRaft once; the cluster id is kept in the data dir. */
  private void formatStorageIfNeeded() {
    if (Files.exists(logDirectory.resolve("meta.properties"))) {
      return;
    }
    String clusterId = clusterId();
    List<String> command = new ArrayList<>();
    command.add(Jvm.javaExecutable());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(Jvm.modernJdkFlags());
    command.add("@" + classpathArgumentFile());
    command.add("kafka.tools.StorageTool");
    command.add("format");
    // one argument: a generated id may start with '-' and would otherwise be read as an option
    command.add("--cluster-id=" + clusterId);
    command.add("-c");
    command.add(serverProperties.toString());
    command.add("--ignore-formatted");
    long started = System.nanoTime();
    ChildProcess.run("Kafka storage format", command, Map.of(), configDirectory, logFile, Duration.ofSeconds(60));
    LOG.log(Level.INFO, "Kafka log directory {0} formatted for cluster {1} in {2} ms", logDirectory, clusterId,
        (System.nanoTime() - started) / 1_000_000);
  }

  private String clusterId() {
    Path file = configDirectory.resolve("cluster-id");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      // same format as org.apache.kafka.common.Uuid: 16 random bytes, URL-safe base64 without padding
      byte[] bytes = new byte[16];
      new SecureRandom().nextBytes(bytes);
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.writeString(file, id + System.lineSeparator());
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Ports.isListening(port)) {
      checkAlive();
      checkDeadline(deadline, "to listen on " + bootstrapServers());
      sleep(200);
    }
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "autocrm-infrastructure-readiness");
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    try (Admin admin = Admin.create(properties)) {
      while (true) {
        checkAlive();
        try {
          Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          if (!nodes.isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // not ready yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
        checkDeadline(deadline, "to answer describeCluster on " + bootstrapServers());
        sleep(200);
      }
    }
  }

  private void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("Kafka broker exited with code " + process.exitCode() + " while starting; log "
          + logFile + ":" + System.lineSeparator() + process.logTail());
    }
  }

  private void checkDeadline(long deadline, String what) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("Kafka broker did not manage " + what + " within " + START_TIMEOUT.toSeconds()
          + " s; log " + logFile + ":" + System.lineSeparator() + process.logTail());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }

  @Override
  public String toString() {
    return "Kafka broker on " + bootstrapServers();
  }
}
