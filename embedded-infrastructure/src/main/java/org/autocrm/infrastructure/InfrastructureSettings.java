package org.autocrm.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded servers keep their data and which ports they listen on (all on 127.0.0.1).
 *
 * <p>{@code persistent} decides what survives a restart:
 * <ul>
 *   <li>{@code true}: PostgreSQL keeps its cluster in {@code <dataDir>/postgres}, Kafka its log in
 *       {@code <dataDir>/kafka}, Elasticsearch its indices in {@code <dataDir>/elasticsearch}, the MongoDB
 *       stand-in its documents in {@code <dataDir>/mongo/mongo.mv}; nothing is deleted on close, and the
 *       ports are used exactly as given (a busy port is an error).</li>
 *   <li>{@code false}: everything is disposable; MongoDB lives in memory, and a data directory created by
 *       {@link #ephemeral()} is deleted on close. A port that turned busy between {@link #ephemeral()} and the
 *       moment its server starts is replaced by another free port (the servers report their real ports).</li>
 * </ul>
 *
 * @param dataDir             root directory for all servers' data and logs ({@code <dataDir>/logs})
 * @param persistent          whether data survives {@link Infrastructure#close()}
 * @param postgresPort        PostgreSQL port
 * @param kafkaPort           Kafka PLAINTEXT listener (bootstrap servers)
 * @param kafkaControllerPort Kafka KRaft CONTROLLER listener
 * @param elasticsearchPort   Elasticsearch HTTP port
 * @param mongoPort           MongoDB wire-protocol port (mongo-java-server)
 * @param smtpPort            GreenMail SMTP port
 * @param imapPort            GreenMail IMAP port
 */
public record InfrastructureSettings(Path dataDir, boolean persistent, int postgresPort, int kafkaPort,
    int kafkaControllerPort, int elasticsearchPort, int mongoPort, int smtpPort, int imapPort) {

  /** Fixed ports of {@link #local(Path)}. */
  public static final int LOCAL_POSTGRES_PORT = 15432;
  public static final int LOCAL_KAFKA_PORT = 19092;
  public static final int LOCAL_KAFKA_CONTROLLER_PORT = 19093;
  public static final int LOCAL_ELASTICSEARCH_PORT = 19200;
  public static final int LOCAL_MONGO_PORT = 27018;
  public static final int LOCAL_SMTP_PORT = 3025;
  public static final int LOCAL_IMAP_PORT = 3143;

  /** Name of the marker file that allows {@link Infrastructure#close()} to delete a non-persistent data dir. */
  static final String EPHEMERAL_MARKER = ".autocrm-ephemeral";

  public InfrastructureSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    dataDir = dataDir.toAbsolutePath().normalize();
    checkPort("postgresPort", postgresPort);
    checkPort("kafkaPort", kafkaPort);
    checkPort("kafkaControllerPort", kafkaControllerPort);
    checkPort("elasticsearchPort", elasticsearchPort);
    checkPort("mongoPort", mongoPort);
    checkPort("smtpPort", smtpPort);
    checkPort("imapPort", imapPort);
    if (kafkaPort == kafkaControllerPort) {
      throw new IllegalArgumentException("kafkaPort and kafkaControllerPort must differ: " + kafkaPort);
    }
  }

  private static void checkPort(String name, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " out of range: " + port);
    }
  }

  /**
   * Free random ports and a fresh temporary data directory that {@link Infrastructure#close()} deletes. The
   * first call in a JVM also removes such directories (and stops their servers) left by JVMs that died without
   * closing.
   */
  public static InfrastructureSettings ephemeral() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Leftovers.sweepStaleEphemeralDirsOnce(tmp);
    Path dir;
    try {
      dir = Files.createTempDirectory(tmp, Leftovers.EPHEMERAL_PREFIX);
      // the creating JVM; the dir is deleted on close, or by a later JVM's sweep once this one is gone
      Files.writeString(dir.resolve(EPHEMERAL_MARKER), Leftovers.currentOwner() + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
    return new InfrastructureSettings(dir, false, Ports.free(), Ports.free(), Ports.free(), Ports.free(),
        Ports.free(), Ports.free(), Ports.free());
  }

  /**
   * The local run: fixed ports (PostgreSQL 15432, Kafka 19092, Kafka controller 19093, Elasticsearch 19200,
   * MongoDB 27018, SMTP 3025, IMAP 3143) and data kept in {@code dataDir} across restarts.
   */
  public static InfrastructureSettings local(Path dataDir) {
    return new InfrastructureSettings(dataDir, true, LOCAL_POSTGRES_PORT, LOCAL_KAFKA_PORT,
        LOCAL_KAFKA_CONTROLLER_PORT, LOCAL_ELASTICSEARCH_PORT, LOCAL_MONGO_PORT, LOCAL_SMTP_PORT, LOCAL_IMAP_PORT);
  }

  /** Directory for the servers' own log files (Kafka, Elasticsearch console, PostgreSQL). */
  public Path logDir() {
    return dataDir.resolve("logs");
  }
}
