package org.autocrm.ticket.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ticket events are published.
 *
 * @param partitions        partitions of the ticket topic when this service creates it
 * @param replicas          replication factor of the ticket topic when this service creates it
 * @param acknowledgeTimeout how long one publish may wait for Kafka before the batch is retried
 */
@ConfigurationProperties("autocrm.publishing")
public record PublishingProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("45s") Duration acknowledgeTimeout) {
}
