package org.autocrm.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real single-node Elasticsearch (the integ-test-zip distribution from Maven Central, unpacked by the build)
 * running as a child process, security off, HTTP on 127.0.0.1.
 *
 * <p>The distribution is minimal: no {@code rest-root} module (so {@code GET /} and the clients' {@code info()}
 * fail; use {@code /_cluster/health}) and no {@code analysis-common} (no stemming analyzers). Being a single
 * node, indices should use {@code number_of_replicas: 0} or the cluster stays yellow.
 */
public final class ElasticsearchNode {

  private static final System.Logger LOG = System.getLogger(ElasticsearchNode.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
  private static final int NOBODY = 65534;

  /**
   * How to drop root: {@code auto} (default: a user namespace via unshare when the kernel allows it, else
   * setpriv), {@code unshare} or {@code setpriv}.
   */
  public static final String RUN_AS_PROPERTY = "autocrm.infrastructure.elasticsearch.runAs";

  private static volatile Boolean unshareWorks;

  private final int port;
  private final Path home;
  private final Path baseDirectory;
  private final Path consoleLog;
  private final List<String> command;
  private final Map<String, String> environment;
  private ChildProcess process;

  private ElasticsearchNode(int port, Path home, Path baseDirectory, Path consoleLog, List<String> command,
      Map<String, String> environment) {
    this.port = port;
    this.home = home;
    this.baseDirectory = baseDirectory;
    this.consoleLog = consoleLog;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
  }

  static ElasticsearchNode start(InfrastructureSettings settings, int port) {
    Path home = ElasticsearchDistribution.home();
    Path base = settings.dataDir().resolve("elasticsearch");
    Path data = FileTree.createDirectories(base.resolve("data"));
    Path logs = FileTree.createDirectories(base.resolve("logs"));
    Path tmp = FileTree.createDirectories(base.resolve("tmp"));
    Path config = base.resolve("config");
    Path consoleLog = settings.logDir().resolve("elasticsearch-console.log");
    try {
      if (!Files.exists(config.resolve("elasticsearch.yml"))) {
        // ES writes into its config dir (keystore): give each data dir its own copy
        FileTree.copyRecursively(home.resolve("config"), config);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the Elasticsearch config into " + config, e);
    }

    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin").resolve("elasticsearch").toString());
    command.add("-Ecluster.name=autocrm");
    command.add("-Enode.name=autocrm-es");
    command.add("-Expack.security.enabled=false");
    command.add("-Ediscovery.type=single-node");
    command.add("-Ecluster.routing.allocation.disk.threshold_enabled=false");
    command.add("-Enetwork.host=127.0.0.1");
    command.add("-Ehttp.port=" + port);
    command.add("-Etransport.port=0");
    command.add("-Epath.data=" + data);
    command.add("-Epath.logs=" + logs);
    command.add("-Eaction.destructive_requires_name=false");

    Map<String, String> environment = new HashMap<>();
    environment.put("ES_JAVA_HOME", Jvm.javaHome().toString());
    environment.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
    environment.put("ES_TMPDIR", tmp.toString());
    environment.put("ES_PATH_CONF", config.toString());
    // the launcher JVM leaves "final-flags*" dirs in its java.io.tmpdir: keep them in ours
    environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);

    ElasticsearchNode node = new ElasticsearchNode(port, home, base, consoleLog, command, environment);
    node.start();
    return node;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Starts the node (again) on the same port and data directory, so it keeps its indices; does nothing when it
   * runs. Returns once the cluster is at least yellow.
   */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    long started = System.nanoTime();
    List<String> fullCommand = new ArrayList<>(unprivilegedPrefix(baseDirectory));
    fullCommand.addAll(command);
    process = ChildProcess.start("Elasticsearch", fullCommand, environment, baseDirectory, consoleLog);
    String status;
    try {
      status = awaitHealthy();
    } catch (RuntimeException e) {
      process.stop();
      process = null;
      throw e;
    }
    LOG.log(Level.INFO, "Elasticsearch {0} started on {1} (cluster {2}, pid {3,number,#}) in {4} ms (data {5})",
        ElasticsearchDistribution.version(), url(), status, process.pid(),
        (System.nanoTime() - started) / 1_000_000, baseDirectory);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The Elasticsearch installation (read-only use). */
  public Path home() {
    return home;
  }

  /** {@code <dataDir>/elasticsearch}: data, logs, tmp and this node's config copy. */
  public Path baseDirectory() {
    return baseDirectory;
  }

  /** The process's console output. */
  public Path consoleLog() {
    return consoleLog;
  }

  /** The launcher process (it runs the server JVM as its child); fails when the node is stopped. */
  public synchronized ProcessHandle processHandle() {
    if (process == null) {
      throw new IllegalStateException(this + " is stopped");
    }
    return process.handle();
  }

  /** Stops the node (SIGTERM; killed after 10 s), keeping its data; {@link #start()} brings it back. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    long started = System.nanoTime();
    process.stop();
    process = null;
    LOG.log(Level.INFO, "Elasticsearch on {0} stopped in {1} ms", url(), (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Elasticsearch refuses to run as root. As root, run it as "nobody" inside a user namespace (its files stay
   * root's), or, where user namespaces are not allowed, switch to nobody with setpriv and hand it the dirs.
   */
  private static List<String> unprivilegedPrefix(Path base) {
    String runAs = System.getProperty(RUN_AS_PROPERTY, "auto").trim().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("auto", "unshare", "setpriv").contains(runAs)) {
      throw new IllegalArgumentException(RUN_AS_PROPERTY + " must be auto, unshare or setpriv: " + runAs);
    }
    if (!runningAsRoot()) {
      return List.of();
    }
    if (runAs.equals("unshare") || runAs.equals("auto") && unshareWorks()) {
      return List.of("unshare", "--user", "--map-user=" + NOBODY, "--map-group=" + NOBODY, "--");
    }
    LOG.log(Level.INFO, "running Elasticsearch as nobody via setpriv ({0}={1}; user namespaces {2})",
        RUN_AS_PROPERTY, runAs, unshareWorks() ? "available" : "unavailable");
    makeTraversableForOthers(base.getParent());
    try {
      Process chown = new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, base.toString())
          .redirectErrorStream(true).start();
      String output = new String(chown.getInputStream().readAllBytes());
      if (chown.waitFor() != 0) {
        throw new IllegalStateException("chown of " + base + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot chown " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
  }

  /**
   * setpriv only: "nobody" must reach {@code <dataDir>/elasticsearch}. The data dir itself gets o+x (a temporary
   * one is created 0700); any other ancestor that blocks it is reported.
   */
  private static void makeTraversableForOthers(Path dataDir) {
    try {
      var permissions = java.util.EnumSet.copyOf(Files.getPosixFilePermissions(dataDir));
      if (permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
        Files.setPosixFilePermissions(dataDir, permissions);
      }
      for (Path ancestor = dataDir.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
        if (!Files.getPosixFilePermissions(ancestor).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
          throw new IllegalStateException("Elasticsearch runs as nobody (setpriv) and cannot reach " + dataDir
              + " because " + ancestor + " is not searchable by others; use a data dir elsewhere");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the permissions of " + dataDir, e);
    }
  }

  static boolean runningAsRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static boolean unshareWorks() {
    Boolean works = unshareWorks;
    if (works == null) {
      try {
        Process probe = new ProcessBuilder("unshare", "--user", "--map-user=" + NOBODY, "--map-group=" + NOBODY, "--",
            "true").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        works = probe.waitFor() == 0;
      } catch (IOException e) {
        works = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        works = false;
      }
      unshareWorks = works;
    }
    return works;
  }

  /** Waits for yellow (all primaries active), then up to 15 s more for green; returns the status reached. */
  private String awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String status = null;
    while (status == null) {
      checkAlive();
      try {
        status = health(http, "yellow", 5);
      } catch (IOException e) {
        // not listening yet
      }
      if (status == null) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Elasticsearch did not become healthy on " + url() + " within "
              + START_TIMEOUT.toSeconds() + " s; log " + consoleLog + ":" + System.lineSeparator()
              + process.logTail());
        }
        sleep(250);
      }
    }
    if (!"green".equals(status)) {
      try {
        String green = health(http, "green", 15);
        if (green != null) {
          return green;
        }
      } catch (IOException e) {
        // stays yellow
      }
      LOG.log(Level.WARNING, "Elasticsearch on {0} is {1}, not green (indices with replicas on a single node?);"
          + " continuing", url(), status);
    }
    return status;
  }

  /** The status when it reached {@code wanted} (or better) within the timeout, else null. */
  private String health(HttpClient http, String wanted, int timeoutSeconds) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=" + wanted
            + "&timeout=" + timeoutSeconds + "s"))
        .timeout(Duration.ofSeconds(timeoutSeconds + 5L))
        .GET()
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || response.body().contains("\"timed_out\":true")) {
        return null;
      }
      Matcher matcher = STATUS.matcher(response.body());
      return matcher.find() ? matcher.group(1) : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
    }
  }

  private void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("Elasticsearch exited with code " + process.exitCode() + " while starting; log "
          + consoleLog + ":" + System.lineSeparator() + process.logTail());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
    }
  }

  @Override
  public String toString() {
    return "Elasticsearch on " + url();
  }
}
