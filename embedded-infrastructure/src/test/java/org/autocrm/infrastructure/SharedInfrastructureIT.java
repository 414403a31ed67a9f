package org.autocrm.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Everything against the one shared, JVM-wide instance. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SharedInfrastructureIT {

  static Infrastructure infrastructure;

  @BeforeAll
  static void startAll() {
    infrastructure = Infrastructure.shared();
    infrastructure.startAll();
  }

  @Test
  void sharedIsOneInstancePerJvmAndAccessorsReturnTheSameServer() {
    assertThat(Infrastructure.shared()).isSameAs(infrastructure);
    assertThat(infrastructure.postgres()).isSameAs(infrastructure.postgres());
    assertThat(infrastructure.kafka()).isSameAs(infrastructure.kafka());
    assertThat(infrastructure.elasticsearch()).isSameAs(infrastructure.elasticsearch());
    assertThat(infrastructure.mongo()).isSameAs(infrastructure.mongo());
    assertThat(infrastructure.mail()).isSameAs(infrastructure.mail());
    assertThat(infrastructure.settings().persistent()).isFalse();
  }

  @Test
  void postgresCreatesTheDatabaseAndAnswers() throws Exception {
    PostgresServer postgres = infrastructure.postgres();
    String url = postgres.jdbcUrl("it_shared");
    assertThat(url).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/it_shared");
    assertThat(postgres.jdbcUrl("it_shared")).isEqualTo(url);
    try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
         Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("select version()")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).startsWith("PostgreSQL 18");
      }
      try (ResultSet rows = statement.executeQuery("select current_database()")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("it_shared");
      }
    }
  }

  @Test
  void kafkaKeepsItsRecordsAcrossAStopAndStart() throws Exception {
    KafkaBroker kafka = infrastructure.kafka();
    String bootstrap = kafka.bootstrapServers();
    assertThat(bootstrap).isEqualTo("127.0.0.1:" + kafka.port());
    String topic = "it-restart";

    ItSupport.produce(bootstrap, topic, List.of("a", "b", "c"));
    assertThat(ItSupport.consume(bootstrap, topic, 3)).containsExactlyInAnyOrder("a", "b", "c");

    ProcessHandle before = kafka.processHandle().orElseThrow();
    kafka.stop();
    assertThat(kafka.isRunning()).isFalse();
    assertThat(before.isAlive()).isFalse();

    kafka.start();
    assertThat(kafka.isRunning()).isTrue();
    assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);

    ItSupport.produce(bootstrap, topic, List.of("d", "e"));
    assertThat(ItSupport.consume(bootstrap, topic, 5)).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
  }

  @Test
  void elasticsearchIsGreenAndIndexesAndSearches() throws Exception {
    ElasticsearchNode node = infrastructure.elasticsearch();
    assertThat(node.url()).isEqualTo("http://127.0.0.1:" + node.port());
    try (RestClient client = ItSupport.elasticsearch(node)) {
      ItSupport.call(client, "PUT", "/it-shared",
          "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
              + "\"mappings\":{\"properties\":{\"title\":{\"type\":\"text\"}}}}");
      ItSupport.call(client, "PUT", "/it-shared/_doc/1?refresh=true", "{\"title\":\"Printer on fire again\"}");
      String hits = ItSupport.call(client, "POST", "/it-shared/_search",
          "{\"query\":{\"match\":{\"title\":\"printer\"}}}");
      assertThat(hits).contains("\"total\":{\"value\":1").contains("Printer on fire again");
      String health = ItSupport.call(client, "GET", "/_cluster/health?wait_for_status=green&timeout=10s", null);
      assertThat(health).contains("\"status\":\"green\"");
    }
  }

  @Test
  void mongoStoresAndFindsADocument() {
    EmbeddedMongo mongo = infrastructure.mongo();
    assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
    try (MongoClient client = MongoClients.create(mongo.connectionString())) {
      MongoCollection<Document> articles = client.getDatabase("it").getCollection("articles");
      articles.insertOne(new Document("_id", "kb-1").append("title", "Reset your password"));
      Document found = articles.find(new Document("_id", "kb-1")).first();
      assertThat(found).isNotNull();
      assertThat(found.getString("title")).isEqualTo("Reset your password");
    }
  }

  @Test
  void mailSentOverSmtpArrivesAndCanBeReadOverImap() throws Exception {
    MailServer mail = infrastructure.mail();
    mail.greenMail().setUser("agent@autocrm.test", "agent", "secret");
    GreenMailUtil.sendTextEmail("agent@autocrm.test", "customer@example.com", "Ticket #1042", "My printer is on fire",
        new ServerSetup(mail.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    assertThat(mail.greenMail().waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(mail.greenMail().getReceivedMessagesForDomain("autocrm.test"))
        .extracting(Message::getSubject).contains("Ticket #1042");

    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "5000");
    Store store = Session.getInstance(properties).getStore("imap");
    store.connect("127.0.0.1", mail.imapPort(), "agent", "secret");
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessages()).extracting(Message::getSubject).contains("Ticket #1042");
      inbox.close(false);
    } finally {
      store.close();
    }
  }
}
