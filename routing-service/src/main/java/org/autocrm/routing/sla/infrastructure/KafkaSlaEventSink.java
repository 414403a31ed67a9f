package org.autocrm.routing.sla.infrastructure;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.autocrm.events.EventStreams;
import org.autocrm.routing.sla.tracking.SlaClockRecord;
import org.autocrm.routing.sla.tracking.SlaEventSink;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** SLA events to {@code autocrm.sla.v1}, keyed by ticket id, with the {@code ce_type}/{@code ce_id} headers. */
@Component
class KafkaSlaEventSink implements SlaEventSink {

    private static final long ACKNOWLEDGE_SECONDS = 10;

    private final KafkaTemplate<String, String> kafka;

    KafkaSlaEventSink(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(String ticketId, SlaClockRecord.OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(EventStreams.SLA, ticketId, event.envelopeJson());
        record.headers().add(EventStreams.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventStreams.ID_HEADER, event.eventId().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(ACKNOWLEDGE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.type(), interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("Kafka did not acknowledge " + event.type(), failed);
        }
    }
}
