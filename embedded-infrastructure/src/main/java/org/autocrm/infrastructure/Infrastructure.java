package org.autocrm.infrastructure;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Real PostgreSQL, Kafka, Elasticsearch, a MongoDB stand-in and GreenMail for one JVM. Each piece starts
 * lazily, once, on the first call of its accessor (thread-safe); {@link #startAll()} starts all five in
 * parallel. {@link #close()} stops what was started, in reverse order (PostgreSQL always last), and leaves no
 * child process behind.
 *
 * <p>Tests use {@link #shared()}; the local run uses {@code start(InfrastructureSettings.local(dir))} and
 * {@link #closeOnShutdown()}.
 */
public final class Infrastructure implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Infrastructure.class.getName());
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** How long the shutdown hook waits for other shutdown hooks (Spring contexts) before stopping servers. */
  private static final long OTHER_HOOKS_WAIT_MILLIS = 20_000;

  private static Infrastructure shared;

  private final InfrastructureSettings settings;
  private final Piece<PostgresServer> postgres;
  private final Piece<KafkaBroker> kafka;
  private final Piece<ElasticsearchNode> elasticsearch;
  private final Piece<EmbeddedMongo> mongo;
  private final Piece<MailServer> mail;
  private final List<Piece<?>> startOrder = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean closed;
  private Thread shutdownHook;

  private Infrastructure(InfrastructureSettings settings) {
    this.settings = settings;
    this.postgres = new Piece<>("PostgreSQL",
        () -> PostgresServer.start(settings, port("PostgreSQL", settings.postgresPort())), PostgresServer::stop);
    this.kafka = new Piece<>("Kafka", () -> {
      int port = port("Kafka", settings.kafkaPort());
      int controllerPort = port("Kafka controller", settings.kafkaControllerPort());
      return KafkaBroker.start(settings, port, controllerPort);
    }, KafkaBroker::stop);
    this.elasticsearch = new Piece<>("Elasticsearch",
        () -> ElasticsearchNode.start(settings, port("Elasticsearch", settings.elasticsearchPort())),
        ElasticsearchNode::stop);
    this.mongo = new Piece<>("MongoDB stand-in",
        () -> EmbeddedMongo.start(settings, port("MongoDB stand-in", settings.mongoPort())), EmbeddedMongo::stop);
    this.mail = new Piece<>("GreenMail", () -> MailServer.start(port("SMTP", settings.smtpPort()),
        port("IMAP", settings.imapPort())), MailServer::stop);
  }

  /**
   * The JVM-wide instance on {@link InfrastructureSettings#ephemeral() ephemeral} settings, created on the first
   * call; a JVM shutdown hook closes it (after waiting for Spring's shutdown hooks to finish). Do not close it
   * yourself; if someone did, the next call creates a new one.
   */
  public static synchronized Infrastructure shared() {
    if (shared == null || shared.closed) {
      shared = start(InfrastructureSettings.ephemeral()).closeOnShutdown();
      LOG.log(Level.INFO, "shared embedded infrastructure created (data {0})", shared.settings.dataDir());
    }
    return shared;
  }

  /** A new, unshared instance; nothing runs until an accessor or {@link #startAll()} is called. Close it. */
  public static Infrastructure start(InfrastructureSettings settings) {
    FileTree.createDirectories(settings.dataDir());
    FileTree.createDirectories(settings.logDir());
    // one live instance per data dir; servers left by a dead owner are stopped first
    Leftovers.claim(settings.dataDir());
    return new Infrastructure(settings);
  }

  public InfrastructureSettings settings() {
    return settings;
  }

  /** PostgreSQL, started on first call. */
  public PostgresServer postgres() {
    return postgres.get();
  }

  /** The Kafka broker (child JVM), started on first call. */
  public KafkaBroker kafka() {
    return kafka.get();
  }

  /** Elasticsearch (child process), started on first call; takes ~10 s. */
  public ElasticsearchNode elasticsearch() {
    return elasticsearch.get();
  }

  /** The MongoDB stand-in, started on first call. */
  public EmbeddedMongo mongo() {
    return mongo.get();
  }

  /** GreenMail SMTP + IMAP, started on first call. */
  public MailServer mail() {
    return mail.get();
  }

  /** Starts all five pieces in parallel (those already running are left alone); fails if any fails. */
  public void startAll() {
    long started = System.nanoTime();
    List<Supplier<?>> accessors = List.of(this::elasticsearch, this::kafka, this::postgres, this::mongo, this::mail);
    ExecutorService executor = Executors.newFixedThreadPool(accessors.size(), runnable -> {
      Thread thread = new Thread(runnable, "autocrm-infrastructure-start-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<CompletableFuture<?>> futures = new ArrayList<>();
      for (Supplier<?> accessor : accessors) {
        futures.add(CompletableFuture.supplyAsync(accessor, executor));
      }
      List<Throwable> failures = new ArrayList<>();
      for (CompletableFuture<?> future : futures) {
        try {
          future.join();
        } catch (CompletionException e) {
          failures.add(e.getCause() != null ? e.getCause() : e);
        }
      }
      if (!failures.isEmpty()) {
        IllegalStateException failure = new IllegalStateException("embedded infrastructure did not start: "
            + failures.get(0).getMessage(), failures.get(0));
        failures.stream().skip(1).forEach(failure::addSuppressed);
        throw failure;
      }
    } finally {
      executor.shutdownNow();
    }
    LOG.log(Level.INFO, "embedded infrastructure running ({0} ms): {1}", (System.nanoTime() - started) / 1_000_000,
        describe());
  }

  /** One line naming every started piece and its address. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (Piece<?> piece : List.of(postgres, kafka, elasticsearch, mongo, mail)) {
      Object value = piece.peek();
      if (value != null) {
        parts.add(value.toString());
      }
    }
    return parts.isEmpty() ? "nothing started" : String.join("; ", parts);
  }

  /**
   * Registers a JVM shutdown hook that closes this instance. The hook first waits (up to 20 s) for other
   * shutdown-hook threads whose name contains "ShutdownHook" (Spring's application-context hooks), so that
   * applications stop before the servers they use.
   */
  public synchronized Infrastructure closeOnShutdown() {
    if (shutdownHook == null) {
      shutdownHook = new Thread(() -> {
        awaitOtherShutdownHooks();
        close();
      }, "autocrm-infrastructure-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    return this;
  }

  private static void awaitOtherShutdownHooks() {
    long deadline = System.currentTimeMillis() + OTHER_HOOKS_WAIT_MILLIS;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread == Thread.currentThread() || !thread.getName().toLowerCase(Locale.ROOT).contains("shutdownhook")) {
        continue;
      }
      long remaining = deadline - System.currentTimeMillis();
      if (remaining <= 0) {
        return;
      }
      try {
        thread.join(remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Stops every started piece in reverse start order (PostgreSQL last), kills any child process left, and
   * deletes the data dir of {@link InfrastructureSettings#ephemeral()} settings. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // shutdown in progress
        }
      }
    }
    long started = System.nanoTime();
    List<Piece<?>> order = new ArrayList<>();
    synchronized (startOrder) {
      order.addAll(startOrder);
    }
    Collections.reverse(order);
    for (Piece<?> piece : List.of(mail, mongo, elasticsearch, kafka, postgres)) {
      if (!order.contains(piece)) {
        order.add(piece); // may be starting right now: close() waits for it
      }
    }
    order.remove(postgres);
    order.add(postgres);
    List<RuntimeException> failures = new ArrayList<>();
    for (Piece<?> piece : order) {
      try {
        piece.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "stopping " + piece.name + " failed", e);
        failures.add(e);
      }
    }
    if (!settings.persistent() && Files.exists(settings.dataDir().resolve(InfrastructureSettings.EPHEMERAL_MARKER))) {
      try {
        FileTree.deleteRecursively(settings.dataDir());
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot delete " + settings.dataDir(), e);
      }
    } else {
      Leftovers.release(settings.dataDir());
    }
    LOG.log(Level.INFO, "embedded infrastructure closed in {0} ms", (System.nanoTime() - started) / 1_000_000);
    if (!failures.isEmpty()) {
      IllegalStateException failure = new IllegalStateException("some embedded servers did not stop cleanly",
          failures.get(0));
      failures.stream().skip(1).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * The port to use: as configured when persistent (and an error when it is busy); for disposable settings a
   * busy port is replaced by a free one.
   */
  private int port(String what, int configured) {
    if (Ports.isFree(configured)) {
      return configured;
    }
    if (settings.persistent()) {
      throw new IllegalStateException(what + " port " + configured + " on 127.0.0.1 is already in use (is another"
          + " AutoCRM local run, or a process left over from one, still running?)");
    }
    int replacement = Ports.free();
    LOG.log(Level.INFO, "{0} port {1,number,#} is busy; using {2,number,#} instead", what, configured, replacement);
    return replacement;
  }

  /** One lazily started server. */
  private final class Piece<T> {
    private final String name;
    private final Supplier<T> starter;
    private final Stopper<T> stopper;
    private T value;

    Piece(String name, Supplier<T> starter, Stopper<T> stopper) {
      this.name = name;
      this.starter = starter;
      this.stopper = stopper;
    }

    synchronized T get() {
      if (closed) {
        throw new IllegalStateException("embedded infrastructure (" + settings.dataDir() + ") is closed");
      }
      if (value == null) {
        value = starter.get();
        startOrder.add(this);
      }
      return value;
    }

    synchronized T peek() {
      return value;
    }

    synchronized void close() {
      if (value == null) {
        return;
      }
      T stopping = value;
      value = null;
      try {
        stopper.stop(stopping);
      } catch (Exception e) {
        throw new IllegalStateException("stopping " + name + " failed: " + e.getMessage(), e);
      }
    }
  }

  @FunctionalInterface
  private interface Stopper<T> {
    void stop(T value) throws Exception;
  }
}
