package org.autocrm.infrastructure;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * The MongoDB stand-in: de.bwaldvogel mongo-java-server, in this JVM, speaking the MongoDB wire protocol
 * (reports server version 5.0). Memory backend when not persistent; H2 MVStore file
 * {@code <dataDir>/mongo/mongo.mv} when persistent. Plain CRUD, indexes and simple aggregations only: no
 * multi-document transactions, no change streams.
 */
public final class EmbeddedMongo {

  private static final System.Logger LOG = System.getLogger(EmbeddedMongo.class.getName());

  private final MongoServer server;
  private final int port;

  private EmbeddedMongo(MongoServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedMongo start(InfrastructureSettings settings, int port) {
    long started = System.nanoTime();
    MongoBackend backend;
    String storage;
    if (settings.persistent()) {
      Path file = FileTree.createDirectories(settings.dataDir().resolve("mongo")).resolve("mongo.mv");
      backend = new H2Backend(file.toString());
      storage = "H2 file " + file;
    } else {
      backend = new MemoryBackend();
      storage = "memory";
    }
    MongoServer server = new MongoServer(backend);
    try {
      server.bind("127.0.0.1", port);
    } catch (RuntimeException e) {
      backend.close();
      throw new IllegalStateException("MongoDB stand-in cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(),
          e);
    }
    LOG.log(Level.INFO, "MongoDB stand-in (mongo-java-server) started on 127.0.0.1:{0,number,#} in {1} ms ({2})",
        port, (System.nanoTime() - started) / 1_000_000, storage);
    return new EmbeddedMongo(server, port);
  }

  /** {@code mongodb://127.0.0.1:<port>}; append a database name as needed. */
  public String connectionString() {
    return "mongodb://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  void stop() {
    // closes client connections, then the backend (which writes the H2 file)
    server.shutdownNow();
    LOG.log(Level.INFO, "MongoDB stand-in on port {0,number,#} stopped", port);
  }

  @Override
  public String toString() {
    return "MongoDB stand-in on " + connectionString();
  }
}
