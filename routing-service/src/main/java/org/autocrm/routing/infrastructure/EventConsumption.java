package org.autocrm.routing.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How routing-service's listeners (the ticket stream, the ticket configuration) consume when taking an event in fails. A reaction throws only for what a retry can mend
 * (ticket-service or MongoDB not reachable; see {@code TicketReaction}), so such an event is retried, with back-off
 * from 0.5 s up to 30 s between tries, for as long as it takes: the partition waits, no offset is committed past it,
 * nothing is skipped, and each try is logged with its cause. Only a record that is not JSON at all can never succeed:
 * it is logged as an error and passed over.
 *
 * <p>Listeners name {@link #CONTAINER_FACTORY}; a listener that wants other error handling (dead letters, say) uses
 * a factory of its own.
 */
@Configuration(proxyBeanMethods = false)
public class EventConsumption {

    public static final String CONTAINER_FACTORY = "untilItWorksContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(EventConsumption.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> untilItWorksContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(untilItWorks());
        return factory;
    }

    static DefaultErrorHandler untilItWorks() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> log.error(
                "Passing over {}-{}@{} (key {}): it is not an event that can be read: {}", record.topic(),
                record.partition(), record.offset(), record.key(), failure.toString()), backOff);
        handler.addNotRetryableExceptions(JsonProcessingException.class);
        handler.setRetryListeners((record, failure, attempt) -> log.warn(
                "Taking in {}-{}@{} (key {}) failed, attempt {}; retrying: {}", record.topic(), record.partition(),
                record.offset(), record.key(), attempt, rootCause(failure).toString()));
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
