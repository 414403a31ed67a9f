package org.autocrm.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bson.Document;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A private, persistent instance: data written, closed (no child process left), started again on the same
 * data dir and ports, data still there.
 */
class PersistentInfrastructureIT {

  private static Path dataDir;

  @AfterAll
  static void deleteDataDir() throws Exception {
    if (dataDir != null) {
      FileTree.deleteRecursively(dataDir);
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void dataSurvivesARestartAndCloseLeavesNoChildProcess() throws Exception {
    dataDir = Files.createTempDirectory("autocrm-persistent-it-");
    InfrastructureSettings settings = new InfrastructureSettings(dataDir, true, Ports.free(), Ports.free(),
        Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
    Set<Long> before = descendantPids();

    Infrastructure first = Infrastructure.start(settings);
    try {
      first.startAll();
      try (Connection connection = first.postgres().dataSource("it_persistent").getConnection();
           Statement statement = connection.createStatement()) {
        statement.execute("create table note(id int primary key, text varchar(100))");
        statement.execute("insert into note values (1, 'kept across restarts')");
      }
      try (MongoClient client = MongoClients.create(first.mongo().connectionString())) {
        client.getDatabase("it").getCollection("rules").insertOne(new Document("_id", "r1").append("name", "VIP"));
      }
      ItSupport.produce(first.kafka().bootstrapServers(), "it-persistent", List.of("one", "two"));
      try (RestClient client = ItSupport.elasticsearch(first.elasticsearch())) {
        ItSupport.call(client, "PUT", "/it-persistent", "{\"settings\":{\"number_of_replicas\":0}}");
        ItSupport.call(client, "PUT", "/it-persistent/_doc/1?refresh=true", "{\"title\":\"kept\"}");
      }
      assertThat(newDescendants(before)).isNotEmpty(); // Kafka and Elasticsearch run as child processes
    } finally {
      first.close();
    }
    assertThat(newDescendants(before)).as("child processes left after close()").isEmpty();
    assertThat(first.isClosed()).isTrue();
    assertThatThrownBy(first::postgres).isInstanceOf(IllegalStateException.class);
    assertThat(dataDir.resolve("postgres")).isDirectory();
    assertThat(dataDir.resolve("kafka").resolve("meta.properties")).isRegularFile();
    assertThat(dataDir.resolve("mongo").resolve("mongo.mv")).isRegularFile();

    try (Infrastructure second = Infrastructure.start(settings)) {
      second.startAll();
      assertThat(second.postgres().port()).isEqualTo(settings.postgresPort());
      try (Connection connection = second.postgres().dataSource("it_persistent").getConnection();
           Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("select text from note where id = 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("kept across restarts");
      }
      try (MongoClient client = MongoClients.create(second.mongo().connectionString())) {
        MongoCollection<Document> rules = client.getDatabase("it").getCollection("rules");
        Document rule = rules.find(new Document("_id", "r1")).first();
        assertThat(rule).isNotNull();
        assertThat(rule.getString("name")).isEqualTo("VIP");
      }
      assertThat(ItSupport.consume(second.kafka().bootstrapServers(), "it-persistent", 2))
          .containsExactlyInAnyOrder("one", "two");
      try (RestClient client = ItSupport.elasticsearch(second.elasticsearch())) {
        assertThat(ItSupport.call(client, "GET", "/it-persistent/_doc/1", null)).contains("\"found\":true");
      }
    }
    assertThat(newDescendants(before)).as("child processes left after the second close()").isEmpty();
    assertThat(dataDir).isDirectory(); // persistent: never deleted
  }

  private static Set<Long> descendantPids() {
    return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  private static List<String> newDescendants(Set<Long> before) {
    return ProcessHandle.current().descendants()
        .filter(ProcessHandle::isAlive)
        .filter(process -> !before.contains(process.pid()))
        .map(process -> process.pid() + " " + process.info().commandLine().orElse("?"))
        .toList();
  }
}
