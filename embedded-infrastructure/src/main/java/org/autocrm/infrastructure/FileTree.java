package org.autocrm.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Small file helpers: recursive delete and copy, zip extraction, log tails. */
final class FileTree {

  private FileTree() {
  }

  static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + dir, e);
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
        if (exc instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw exc;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  static void copyRecursively(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /**
   * Extracts a zip into {@code target}. java.util.zip does not carry Unix modes, so every regular file
   * under a {@code bin} directory is made executable.
   */
  static void unzip(Path zip, Path target) throws IOException {
    Path normalizedTarget = target.toAbsolutePath().normalize();
    Set<PosixFilePermission> executable = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path destination = normalizedTarget.resolve(entry.getName()).normalize();
        if (!destination.startsWith(normalizedTarget)) {
          throw new IOException("zip entry outside the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
          continue;
        }
        Files.createDirectories(destination.getParent());
        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        Path parent = destination.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("bin")) {
          Files.setPosixFilePermissions(destination, executable);
        }
      }
    }
  }

  /** The last {@code maxLines} lines of a (log) file, or a note when it cannot be read. */
  static String tail(Path file, int maxLines) {
    if (file == null || !Files.isRegularFile(file)) {
      return "(no log file " + file + ")";
    }
    try {
      long size = Files.size(file);
      int window = (int) Math.min(size, 64 * 1024);
      byte[] bytes = new byte[window];
      try (var channel = Files.newByteChannel(file)) {
        channel.position(size - window);
        var buffer = java.nio.ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
          // keep reading
        }
      }
      String[] lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n");
      int from = Math.max(0, lines.length - maxLines);
      return String.join(System.lineSeparator(), java.util.Arrays.copyOfRange(lines, from, lines.length));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
