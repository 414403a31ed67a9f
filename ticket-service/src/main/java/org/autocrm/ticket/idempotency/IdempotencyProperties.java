package org.autocrm.ticket.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the answers to ticket commands sent with an Idempotency-Key are kept.
 *
 * @param retention        how long a key answers with its stored answer (then it is forgotten and may be used anew)
 * @param abandonedAfter   a first request that has not been answered after this long is taken for lost (its
 *                         replica stopped): the next request with the key runs instead of waiting for ever
 * @param cleanupInterval  how often expired answers are removed
 */
@ConfigurationProperties("autocrm.idempotency")
record IdempotencyProperties(Duration retention, Duration abandonedAfter, Duration cleanupInterval) {

    IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        abandonedAfter = abandonedAfter == null ? Duration.ofMinutes(2) : abandonedAfter;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
    }
}
