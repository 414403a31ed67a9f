package org.autocrm.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds the Elasticsearch installation: the one the build unpacked into this module's {@code target} dir, or,
 * when that is gone (e.g. after {@code mvn clean}), an unpacked copy of the distribution zip from the local
 * Maven repository under {@code java.io.tmpdir}.
 */
final class ElasticsearchDistribution {

  private static final System.Logger LOG = System.getLogger(ElasticsearchDistribution.class.getName());

  private ElasticsearchDistribution() {
  }

  static String version() {
    return BuildInfo.get("elasticsearch.version");
  }

  static synchronized Path home() {
    Path home = Path.of(BuildInfo.get("elasticsearch.home"));
    if (isInstallation(home)) {
      return home;
    }
    Path zip = Path.of(BuildInfo.get("elasticsearch.zip"));
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "autocrm-elasticsearch-" + version());
    Path cachedHome = cache.resolve("elasticsearch-" + version());
    if (isInstallation(cachedHome)) {
      return cachedHome;
    }
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("no Elasticsearch installation: neither " + home + " (unpacked by the build of"
          + " embedded-infrastructure) nor the distribution zip " + zip + " exists; rebuild embedded-infrastructure");
    }
    LOG.log(Level.INFO, "{0} is missing; unpacking {1} into {2}", home, zip, cache);
    try {
      Path partial = Files.createTempDirectory(cache.getParent(), "autocrm-elasticsearch-unpacking-");
      FileTree.unzip(zip, partial);
      try {
        Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // another JVM was faster
        FileTree.deleteRecursively(partial);
      } catch (IOException e) {
        if (!isInstallation(cachedHome)) {
          throw e;
        }
        FileTree.deleteRecursively(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + zip + " into " + cache, e);
    }
    if (!isInstallation(cachedHome)) {
      throw new IllegalStateException("unpacking " + zip + " did not produce " + cachedHome);
    }
    return cachedHome;
  }

  private static boolean isInstallation(Path home) {
    return Files.isExecutable(home.resolve("bin").resolve("elasticsearch"))
        && Files.isDirectory(home.resolve("config"));
  }
}
