package org.autocrm.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Settings, lazy and thread-safe start, and clean-up of a private ephemeral instance (fast pieces only). */
class EphemeralInfrastructureIT {

  @Test
  void ephemeralSettingsUseDistinctFreePortsAndATemporaryDirectory() {
    InfrastructureSettings settings = InfrastructureSettings.ephemeral();
    try {
      assertThat(settings.persistent()).isFalse();
      assertThat(settings.dataDir()).isDirectory();
      assertThat(List.of(settings.postgresPort(), settings.kafkaPort(), settings.kafkaControllerPort(),
          settings.elasticsearchPort(), settings.mongoPort(), settings.smtpPort(), settings.imapPort()))
          .doesNotHaveDuplicates().allMatch(port -> port > 0);
    } finally {
      Infrastructure.start(settings).close(); // deletes the directory
    }
    assertThat(settings.dataDir()).doesNotExist();
  }

  @Test
  void localSettingsUseTheFixedPorts() {
    InfrastructureSettings local = InfrastructureSettings.local(Path.of("target/local-data"));
    assertThat(local.persistent()).isTrue();
    assertThat(local.dataDir()).isAbsolute();
    assertThat(List.of(local.postgresPort(), local.kafkaPort(), local.kafkaControllerPort(),
        local.elasticsearchPort(), local.mongoPort(), local.smtpPort(), local.imapPort()))
        .containsExactly(15432, 19092, 19093, 19200, 27018, 3025, 3143);
  }

  @Test
  void piecesStartLazilyOnceEvenWhenAskedConcurrentlyAndCloseDeletesTheDataDir() throws Exception {
    InfrastructureSettings settings = InfrastructureSettings.ephemeral();
    Infrastructure infrastructure = Infrastructure.start(settings);
    Path postgresData = settings.dataDir().resolve("postgres");
    try {
      assertThat(infrastructure.describe()).isEqualTo("nothing started");
      assertThat(postgresData).doesNotExist();

      ExecutorService executor = Executors.newFixedThreadPool(4);
      try {
        List<Future<PostgresServer>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          futures.add(executor.submit((Callable<PostgresServer>) infrastructure::postgres));
        }
        PostgresServer first = futures.get(0).get();
        for (Future<PostgresServer> future : futures) {
          assertThat(future.get()).isSameAs(first);
        }
      } finally {
        executor.shutdownNow();
      }
      try (Connection connection = infrastructure.postgres().dataSource("it_ephemeral").getConnection();
           Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery("select 40 + 2")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(42);
      }
      assertThat(infrastructure.mongo().port()).isPositive();
      assertThat(infrastructure.mail().smtpPort()).isPositive();
      assertThat(infrastructure.describe()).contains("PostgreSQL", "MongoDB", "GreenMail")
          .doesNotContain("Kafka", "Elasticsearch");
      assertThat(postgresData).isDirectory();
      assertThatThrownBy(() -> infrastructure.postgres().jdbcUrl("bad name; drop"))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      infrastructure.close();
    }
    infrastructure.close(); // idempotent
    assertThat(Files.exists(settings.dataDir())).isFalse();
    assertThatThrownBy(infrastructure::mongo).isInstanceOf(IllegalStateException.class);
    assertThat(Ports.isFree(infrastructure.settings().mongoPort())).isTrue();
  }
}
