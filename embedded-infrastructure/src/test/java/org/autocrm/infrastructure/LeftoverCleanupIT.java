package org.autocrm.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a JVM that died without closing leaves behind is cleaned up by the next one. */
class LeftoverCleanupIT {

  /** A pid above Linux's pid_max: never alive. */
  private static final String DEAD_OWNER = "999999999 2000-01-01T00:00:00Z";

  @TempDir
  Path tmp;

  @Test
  void startingOnADataDirOfADeadOwnerStopsItsLeftoverServers() throws Exception {
    Path dataDir = Files.createDirectories(tmp.resolve("local"));
    Files.writeString(dataDir.resolve(Leftovers.OWNER_FILE), DEAD_OWNER);
    Process leftover = leftoverProcessUsing(dataDir);
    InfrastructureSettings settings = new InfrastructureSettings(dataDir, true, Ports.free(), Ports.free(),
        Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());

    try (Infrastructure infrastructure = Infrastructure.start(settings)) {
      assertThat(leftover.waitFor(15, TimeUnit.SECONDS)).as("left-over process stopped").isTrue();
      assertThat(Leftovers.readOwner(dataDir.resolve(Leftovers.OWNER_FILE))).contains(Leftovers.currentOwner());
      assertThatThrownBy(() -> Infrastructure.start(settings))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
      assertThat(infrastructure.mongo().port()).isEqualTo(settings.mongoPort());
    } finally {
      leftover.destroyForcibly();
    }
    assertThat(dataDir.resolve(Leftovers.OWNER_FILE)).doesNotExist();
    assertThat(dataDir.resolve("mongo").resolve("mongo.mv")).isRegularFile();
  }

  @Test
  void staleEphemeralDirsOfDeadJvmsAreRemovedOthersKept() throws Exception {
    Path stale = Files.createDirectories(tmp.resolve(Leftovers.EPHEMERAL_PREFIX + "stale"));
    Files.writeString(stale.resolve(InfrastructureSettings.EPHEMERAL_MARKER), DEAD_OWNER);
    Path live = Files.createDirectories(tmp.resolve(Leftovers.EPHEMERAL_PREFIX + "live"));
    Files.writeString(live.resolve(InfrastructureSettings.EPHEMERAL_MARKER), Leftovers.currentOwner());
    Path legacy = Files.createDirectories(tmp.resolve(Leftovers.EPHEMERAL_PREFIX + "legacy"));
    Files.writeString(legacy.resolve(InfrastructureSettings.EPHEMERAL_MARKER), "written by an older version");
    Process leftover = leftoverProcessUsing(stale);
    try {
      Leftovers.sweepStaleEphemeralDirs(tmp);
      assertThat(leftover.waitFor(15, TimeUnit.SECONDS)).as("left-over process stopped").isTrue();
    } finally {
      leftover.destroyForcibly();
    }
    assertThat(stale).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(legacy).isDirectory();
  }

  private static Process leftoverProcessUsing(Path dir) throws Exception {
    Path log = dir.resolve("server.log");
    Files.writeString(log, "");
    // like a Kafka broker: a command line longer than the 4 KB ProcessHandle.Info can show, dir mentioned last
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("tail", "-F", "-s", "5"));
    for (int i = 0; i < 500; i++) {
      command.add("no-such-file-" + i);
    }
    command.add(log.toString());
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    // start() returns once the program has been exec'd, so its command line is already the one to find
    assertThat(process.isAlive()).isTrue();
    return process;
  }
}
