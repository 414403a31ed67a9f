package org.autocrm.routing.sla.infrastructure;

import org.autocrm.routing.sla.tracking.FiringSlaTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Wakes every second (after the previous round ended) and fires what is due: a breach is noticed within about a
 * second of its due time. Every replica runs it; the clocks' leases share the work. Off with
 * {@code autocrm.sla.timers.enabled=false} (a test that drives the timers itself).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "autocrm.sla.timers.enabled", havingValue = "true", matchIfMissing = true)
class SlaTimerPoller {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerPoller.class);
    private static final int ROUND_LIMIT = 1000;

    private final FiringSlaTimers timers;

    SlaTimerPoller(FiringSlaTimers timers) {
        this.timers = timers;
    }

    @Scheduled(fixedDelayString = "${autocrm.sla.timers.poll-interval-ms:1000}",
            initialDelayString = "${autocrm.sla.timers.poll-interval-ms:1000}")
    void poll() {
        try {
            while (timers.fireDue(ROUND_LIMIT) == ROUND_LIMIT) {
                // a full round: more may be due, go on without waiting
            }
        } catch (RuntimeException failed) {
            log.warn("SLA timer round failed; the next round retries", failed);
        }
    }
}
