package org.autocrm.infrastructure;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Clean-up after JVMs that died without closing their infrastructure (SIGKILL, a killed test fork): their child
 * servers keep running and their temporary data dirs stay behind.
 *
 * <p>Every data dir in use holds {@value #OWNER_FILE} with the owning JVM's pid and start time. When a dir's
 * owner is gone, processes whose command line mentions the dir (Kafka, Elasticsearch, PostgreSQL started from
 * it) are stopped; stale temporary dirs of {@link InfrastructureSettings#ephemeral()} are also deleted.
 */
final class Leftovers {

  private static final System.Logger LOG = System.getLogger(Leftovers.class.getName());
  static final String OWNER_FILE = ".autocrm-owner";
  static final String EPHEMERAL_PREFIX = "autocrm-infra-";

  private static boolean swept;

  private Leftovers() {
  }

  /** "pid start-instant" of this JVM. */
  static String currentOwner() {
    ProcessHandle self = ProcessHandle.current();
    return self.pid() + " " + self.info().startInstant().map(Instant::toString).orElse("?");
  }

  /** Whether the process described by {@link #currentOwner()}-style text is still alive (and the same one). */
  static boolean isAlive(String owner) {
    String[] parts = owner.trim().split("\\s+");
    if (parts.length < 1 || parts[0].isEmpty()) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    if (parts.length < 2 || parts[1].equals("?")) {
      return true; // cannot tell a reused pid apart: assume alive, the safe side
    }
    return process.get().info().startInstant().map(start -> start.toString().equals(parts[1])).orElse(true);
  }

  static Optional<String> readOwner(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Marks {@code dataDir} as used by this JVM. If a live process (another JVM, or another instance in this one)
   * owns it, fails; if its owner is dead, first stops the servers it left behind.
   */
  static synchronized void claim(Path dataDir) {
    Path file = dataDir.resolve(OWNER_FILE);
    Optional<String> owner = readOwner(file);
    if (owner.isPresent()) {
      if (isAlive(owner.get())) {
        boolean self = owner.get().split("\\s+")[0].equals(Long.toString(ProcessHandle.current().pid()));
        throw new IllegalStateException("data dir " + dataDir + " is in use by " + (self
            ? "another open Infrastructure in this JVM" : "process " + owner.get().split("\\s+")[0])
            + "; close that first or use another data dir");
      }
      stopProcessesUsing(dataDir);
    }
    try {
      Files.writeString(file, currentOwner() + System.lineSeparator());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }

  static synchronized void release(Path dataDir) {
    Path file = dataDir.resolve(OWNER_FILE);
    if (readOwner(file).filter(owner -> owner.equals(currentOwner())).isPresent()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "cannot delete " + file, e);
      }
    }
  }

  /** Once per JVM: removes ephemeral data dirs (and their servers) of JVMs that are gone. */
  static synchronized void sweepStaleEphemeralDirsOnce(Path tmpRoot) {
    if (swept) {
      return;
    }
    swept = true;
    sweepStaleEphemeralDirs(tmpRoot);
  }

  static void sweepStaleEphemeralDirs(Path tmpRoot) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmpRoot, EPHEMERAL_PREFIX + "*")) {
      for (Path dir : dirs) {
        Optional<String> creator = readOwner(dir.resolve(InfrastructureSettings.EPHEMERAL_MARKER));
        // no or unreadable marker (e.g. written by an older version): not ours to judge
        if (creator.isEmpty() || !creator.get().matches("\\d+\\s+\\S+") || isAlive(creator.get())) {
          continue;
        }
        Optional<String> owner = readOwner(dir.resolve(OWNER_FILE));
        if (owner.isPresent() && isAlive(owner.get())) {
          continue;
        }
        LOG.log(Level.INFO, "removing stale embedded-infrastructure dir {0} of dead process {1}", dir, creator.get());
        stopProcessesUsing(dir);
        try {
          FileTree.deleteRecursively(dir);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "cannot delete stale dir " + dir + ": " + e);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot sweep stale embedded-infrastructure dirs in " + tmpRoot + ": " + e);
    }
  }

  /** Stops (SIGTERM, then SIGKILL after 10 s) every other process whose command line mentions {@code dir}. */
  static void stopProcessesUsing(Path dir) {
    String needle = dir.toAbsolutePath().normalize() + "/";
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(process -> process.pid() != self)
        .filter(process -> commandLine(process).contains(needle))
        .forEach(found::add);
    if (found.isEmpty()) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle process : found) {
      all.add(process);
      process.descendants().forEach(all::add);
    }
    for (ProcessHandle process : found) {
      LOG.log(Level.INFO, "stopping left-over process {0,number,#} using {1}: {2}", process.pid(), dir,
          abbreviate(commandLine(process)));
      process.destroy();
    }
    long deadline = System.nanoTime() + ChildProcess.GRACE.toNanos();
    for (ProcessHandle process : all) {
      long remaining = deadline - System.nanoTime();
      try {
        if (remaining > 0) {
          process.onExit().get(remaining, TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception e) {
        // still running
      }
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    for (ProcessHandle process : all) {
      try {
        process.onExit().get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // gave it our best
      }
    }
  }

  /**
   * The full command line. ProcessHandle.Info gives up on command lines longer than 4 KB (a Kafka broker's
   * classpath), so on Linux /proc is read directly.
   */
  static String commandLine(ProcessHandle process) {
    Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    try {
      byte[] bytes = Files.readAllBytes(proc);
      if (bytes.length > 0) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').trim();
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    ProcessHandle.Info info = process.info();
    StringBuilder line = new StringBuilder(info.command().orElse(""));
    info.arguments().ifPresent(arguments -> {
      for (String argument : arguments) {
        line.append(' ').append(argument);
      }
    });
    return line.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
