package org.autocrm.query.ticketsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ConsumptionConfiguration {

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
        return handler;
    }
}
