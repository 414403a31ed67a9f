package org.autocrm.ticket.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Keeps the stored answers to ticket commands for their retention only (24 h unless configured). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    private final StoredAnswers answers;

    IdempotencyConfiguration(StoredAnswers answers) {
        this.answers = answers;
    }

    @Scheduled(fixedDelayString = "${autocrm.idempotency.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void removeExpiredAnswers() {
        int removed = answers.removeExpired();
        if (removed > 0) {
            log.debug("Removed {} expired idempotent answers", removed);
        }
    }
}
