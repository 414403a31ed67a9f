package org.autocrm.query.ticketsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ConsumptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumptionConfiguration.class);

    /**
     * A write that fails (Elasticsearch down, say) is retried with back-off for as long as it
     * takes, and the partition waits, so no event is skipped. Only a record that can never be
     * read (not JSON) is logged and passed over.
     */
    @Bean
    DefaultErrorHandler retryUntilWritten() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.addNotRetryableExceptions(JsonProcessingException.class);
        handler.setRetryListeners((record, failure, attempt) -> log.warn(
                "Could not apply {}-{}@{} (attempt {}): {}", record.topic(), record.partition(),
                record.offset(), attempt, rootCause(failure).toString()));
        return handler;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
