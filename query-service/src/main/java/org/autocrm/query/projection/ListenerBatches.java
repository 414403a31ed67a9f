package org.autocrm.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Feeds one Kafka poll to a projection at once. When an event is not applied, a
 * {@link BatchListenerFailedException} names its record: the error handler commits the records before it, and retries
 * (Elasticsearch unreachable) or after a few tries dead-letters (unappliable) exactly that record, then goes on after
 * it.
 */
public final class ListenerBatches {

    /** Applies parsed envelopes (in record order) and says how far it got. */
    @FunctionalInterface
    public interface Applier {
        EventBatch.Outcome apply(List<JsonNode> envelopes) throws IOException;
    }

    private ListenerBatches() {
    }

    public static void apply(List<ConsumerRecord<String, String>> records, ObjectMapper json, Applier applier) {
        List<JsonNode> envelopes = new ArrayList<>(records.size());
        JsonProcessingException unreadable = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                envelopes.add(json.readTree(record.value()));
            } catch (JsonProcessingException e) {
                unreadable = e; // what comes before it is applied now, it is dead-lettered, the rest comes again
                break;
            }
        }
        if (!envelopes.isEmpty()) {
            EventBatch.Outcome outcome;
            try {
                outcome = applier.apply(envelopes);
            } catch (IOException | RuntimeException e) {
                throw failed(records.get(0), e);
            }
            if (!outcome.complete()) {
                throw failed(records.get(outcome.failedAt()), outcome.failure());
            }
        }
        if (unreadable != null) {
            throw failed(records.get(envelopes.size()), unreadable);
        }
    }

    private static BatchListenerFailedException failed(ConsumerRecord<String, String> record, Exception cause) {
        return new BatchListenerFailedException("Could not apply " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + ": " + cause, cause, record);
    }
}
