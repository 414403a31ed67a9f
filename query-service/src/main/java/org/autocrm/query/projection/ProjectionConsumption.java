package org.autocrm.query.projection;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every projection's live listener consumes. Two kinds of failure are told apart:
 * <ul>
 *   <li>Elasticsearch unreachable, timing out or answering 5xx/429: retried with back-off for as long as it takes;
 *       the partition waits and no offset is committed past an event that is not applied, so nothing is skipped;</li>
 *   <li>an event that can never be applied ({@link UnappliableEvent}, a 4xx refusal, unreadable JSON): tried a few
 *       times, then published to the dead-letter topic, counted and logged, and the partition moves on.</li>
 * </ul>
 */
@Configuration
class ProjectionConsumption {

    static final String PROJECTION_HEADER = "autocrm-projection";
    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumption.class);

    @Bean
    DefaultErrorHandler projectionErrorHandler(KafkaOperations<Object, Object> kafka, Projections projections,
                                               ProjectionProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(properties.deadLetterTopic(), -1));
        deadLetters.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(PROJECTION_HEADER, projectionOf(failure, projections).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ExponentialBackOff untilItWorks = new ExponentialBackOff(500, 2.0);
        untilItWorks.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            String projection = projectionOf(failure, projections);
            log.error("DEAD LETTER: projection {} cannot apply {}-{}@{} (ticket {}): {}; sent to {}", projection,
                    record.topic(), record.partition(), record.offset(), record.key(), rootCause(failure).toString(),
                    properties.deadLetterTopic());
            deadLetters.accept(record, failure);
            projections.named(projection)
                    .ifPresent(p -> projections.progress(p).deadLettered(record, Clock.systemUTC().instant()));
        }, untilItWorks);
        handler.addNotRetryableExceptions(JsonProcessingException.class);
        handler.setBackOffFunction((record, failure) -> cannotSucceed(failure)
                ? new FixedBackOff(properties.unappliableInterval().toMillis(), properties.unappliableAttempts() - 1L)
                : null);
        handler.setRetryListeners((record, failure, attempt) -> log.warn("Could not apply {}-{}@{} (attempt {}): {}",
                record.topic(), record.partition(), record.offset(), attempt, rootCause(failure).toString()));
        return handler;
    }

    /** Every projection's listener reports what it applied, for lag, health and read-your-writes. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> projectionProgress(
            Projections projections) {
        return container -> projections.fedBy(container.getListenerId()).ifPresent(projection -> {
            ProjectionProgress progress = projections.progress(projection);
            container.getContainerProperties().setConsumerRebalanceListener(new ConsumerRebalanceListener() {
                // another instance may have applied these partitions' events meanwhile: read its documents again
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    projection.recent().forgetAll();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    projection.recent().forgetAll();
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    projection.recent().forgetAll();
                }
            });
            container.setRecordInterceptor(new RecordInterceptor<>() {
                @Override
                public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                                Consumer<Object, Object> consumer) {
                    return record;
                }

                @Override
                public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                    progress.applied(record, Clock.systemUTC().instant());
                }
            });
            container.setBatchInterceptor(new BatchInterceptor<>() {
                @Override
                public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                                 Consumer<Object, Object> consumer) {
                    return records;
                }

                @Override
                public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                    Instant now = Clock.systemUTC().instant();
                    records.forEach(record -> progress.applied(record, now));
                }

                /** The records before the one that failed were applied (and are committed by the error handler). */
                @Override
                public void failure(ConsumerRecords<Object, Object> records, Exception exception,
                                    Consumer<Object, Object> consumer) {
                    ConsumerRecord<?, ?> failed = failedRecord(exception);
                    if (failed == null) {
                        return;
                    }
                    Instant now = Clock.systemUTC().instant();
                    for (ConsumerRecord<Object, Object> record : records) {
                        if (record.topic().equals(failed.topic()) && record.partition() == failed.partition()
                                && record.offset() == failed.offset()) {
                            return;
                        }
                        progress.applied(record, now);
                    }
                }
            });
        });
    }

    private static ConsumerRecord<?, ?> failedRecord(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BatchListenerFailedException batch) {
                return batch.getRecord();
            }
        }
        return null;
    }

    @Bean
    NewTopic projectionDeadLetters(ProjectionProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).build();
    }

    /** True for a failure that waiting will not cure; an unreachable or overloaded store is not one. */
    static boolean cannotSucceed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnappliableEvent || cause instanceof JsonProcessingException) {
                return true;
            }
            if (cause instanceof ElasticsearchException es) {
                return isRefusal(es.status());
            }
            if (cause instanceof TransportException transport && transport.statusCode() > 0) {
                return isRefusal(transport.statusCode());
            }
        }
        return false;
    }

    /** A 4xx that is about the request itself; 404 (index missing), 408 and 429 are the store's condition. */
    private static boolean isRefusal(int status) {
        return status >= 400 && status < 500 && status != 404 && status != 408 && status != 429;
    }

    private static String projectionOf(Exception failure, Projections projections) {
        if (failure instanceof ListenerExecutionFailedException listenerFailure && listenerFailure.getGroupId() != null) {
            return projections.consumingAs(listenerFailure.getGroupId()).map(Projection::name)
                    .orElse(listenerFailure.getGroupId());
        }
        return "unknown";
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
