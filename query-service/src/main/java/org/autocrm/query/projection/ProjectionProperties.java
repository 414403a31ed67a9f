package org.autocrm.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How query-service runs its projections ({@code autocrm.query.projections.*}).
 *
 * @param deadLetterTopic     where events that cannot be applied go
 * @param unappliableAttempts how often such an event is tried before it is dead-lettered
 * @param unappliableInterval the pause between those tries
 * @param lagRefresh          how often the lag is measured against Kafka's end offsets
 * @param stuckAfter          a projection that is behind and has applied nothing for this long is reported DOWN
 * @param keepOldIndex        whether a rebuild keeps the index it replaced (default: deleted after the swap)
 * @param pauseTimeout        how long a rebuild waits for the live listener to pause around the swap
 * @param recentDocuments     how many documents each projection keeps of those it wrote last (see RecentDocuments)
 */
@ConfigurationProperties("autocrm.query.projections")
public record ProjectionProperties(
        @DefaultValue("autocrm.tickets.v1.query-service.dlt") String deadLetterTopic,
        @DefaultValue("5") int unappliableAttempts,
        @DefaultValue("1s") Duration unappliableInterval,
        @DefaultValue("5s") Duration lagRefresh,
        @DefaultValue("2m") Duration stuckAfter,
        @DefaultValue("false") boolean keepOldIndex,
        @DefaultValue("30s") Duration pauseTimeout,
        @DefaultValue("20000") int recentDocuments) {
}
