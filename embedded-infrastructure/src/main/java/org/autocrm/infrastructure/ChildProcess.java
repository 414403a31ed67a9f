package org.autocrm.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server running as a child process of this JVM, with its output appended to a log file. {@link #stop}
 * leaves nothing behind: it terminates the process, waits, kills it if needed, and does the same for every
 * process it spawned (Elasticsearch's launcher starts the real server as its own child).
 */
final class ChildProcess {

  private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());

  /** How long a process gets to exit after SIGTERM before it is killed. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Path logFile;

  private ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workingDir,
      Path logFile) {
    FileTree.createDirectories(logFile.getParent());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workingDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment);
    try {
      Files.writeString(logFile, System.lineSeparator() + "==== " + java.time.Instant.now() + " starting " + name
          + ": " + String.join(" ", command) + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      Process process = builder.start();
      LOG.log(Level.DEBUG, "{0} started as pid {1}, output in {2}", name, process.pid(), logFile);
      return new ChildProcess(name, process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + ")", e);
    }
  }

  /** Runs a short-lived command to completion and fails with its output when it does not exit 0. */
  static void run(String name, List<String> command, Map<String, String> environment, Path workingDir, Path logFile,
      Duration timeout) {
    ChildProcess child = start(name, command, environment, workingDir, logFile);
    try {
      if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        child.stop();
        throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; log "
            + logFile + ":" + System.lineSeparator() + child.logTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.stop();
      throw new IllegalStateException("interrupted while running " + name, e);
    }
    if (child.process.exitValue() != 0) {
      throw new IllegalStateException(name + " failed with exit code " + child.process.exitValue() + "; log "
          + logFile + ":" + System.lineSeparator() + child.logTail());
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Exit code, or null while it runs. */
  Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }

  Path logFile() {
    return logFile;
  }

  String logTail() {
    return FileTree.tail(logFile, 60);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** SIGTERM, wait up to {@link #GRACE}, then SIGKILL; the same for every descendant still alive afterwards. */
  void stop() {
    terminate(false);
  }

  /** SIGKILL for the process and its descendants at once (simulates a crash). */
  void kill() {
    terminate(true);
  }

  private void terminate(boolean forcibly) {
    // snapshot first: once the parent is gone its children are re-parented and no longer found
    List<ProcessHandle> descendants = process.descendants().toList();
    if (forcibly) {
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    awaitExit(process.toHandle(), GRACE);
    for (ProcessHandle descendant : descendants) {
      if (descendant.isAlive()) {
        descendant.destroy();
        awaitExit(descendant, Duration.ofSeconds(5));
      }
    }
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  private void awaitExit(ProcessHandle handle, Duration grace) {
    try {
      handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // timed out: fall through to the forcible kill
    }
    if (handle.isAlive()) {
      LOG.log(Level.WARNING, "{0} (pid {1}) did not stop within {2} s, killing it", name, handle.pid(),
          grace.toSeconds());
      handle.destroyForcibly();
      try {
        handle.onExit().get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "{0} (pid {1}) still alive after SIGKILL", name, handle.pid());
      }
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
