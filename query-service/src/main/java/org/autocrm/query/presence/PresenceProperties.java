package org.autocrm.query.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Presence on tickets ({@code autocrm.query.presence.*}).
 *
 * @param ttl        how long a presence holds without being refreshed (clients refresh about every ttl / 3)
 * @param topic      the Kafka topic the replicas share presence on (query-service's own)
 * @param partitions its partitions when query-service creates it
 * @param replicas   its replication factor when query-service creates it
 * @param readBack   how long a request waits for its own change to come back from the topic before it answers
 */
@ConfigurationProperties("autocrm.query.presence")
public record PresenceProperties(
        @DefaultValue("30s") Duration ttl,
        @DefaultValue("autocrm.presence.v1") String topic,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("2s") Duration readBack) {
}
