package org.autocrm.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JVM this code runs on, used to launch child JVMs with the same Java. */
final class Jvm {

  private Jvm() {
  }

  static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  static String javaExecutable() {
    Path java = javaHome().resolve("bin").resolve("java");
    if (Files.isExecutable(java)) {
      return java.toString();
    }
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** Flags a child JVM needs on JDK 24+ (and that JDK 17 rejects). */
  static List<String> modernJdkFlags() {
    List<String> flags = new ArrayList<>();
    if (Runtime.version().feature() >= 24) {
      flags.add("--enable-native-access=ALL-UNNAMED");
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    return flags;
  }
}
