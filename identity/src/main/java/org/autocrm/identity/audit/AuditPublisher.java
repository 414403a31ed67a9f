package org.autocrm.identity.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.autocrm.events.Actor;
import org.autocrm.events.EventEnvelope;
import org.autocrm.events.EventStreams;
import org.autocrm.events.EventTypes;
import org.autocrm.events.SecurityEventRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes recorded security events on {@code autocrm.security.v1}, keyed by tenant id, oldest first.
 * An entry is marked published only after Kafka acknowledged it; while Kafka is down the entries wait
 * in MongoDB and go out on a later round, in order per tenant (a round stops at a tenant's first
 * failure). A retried entry keeps its event id, so consumers can drop duplicates.
 */
@Component
class AuditPublisher {

    private static final Logger log = LoggerFactory.getLogger(AuditPublisher.class);
    private static final int BATCH = 200;
    private static final java.time.Duration LEASE = java.time.Duration.ofSeconds(15);

    /** This replica, for the publisher lease. */
    private final String replica = java.util.UUID.randomUUID().toString();

    private final AuditLog audit;
    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private volatile boolean kafkaWasDown;

    AuditPublisher(AuditLog audit, KafkaTemplate<String, String> kafka, ObjectMapper json) {
        this.audit = audit;
        this.kafka = kafka;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${autocrm.identity.audit.publish-interval:1s}")
    void publishPending() {
        if (!audit.leasePublishing(replica, LEASE)) {
            return;
        }
        List<AuditEntry> pending = audit.unpublished(BATCH);
        Set<String> blockedTenants = new HashSet<>();
        for (AuditEntry entry : pending) {
            if (blockedTenants.contains(entry.tenantId())) {
                continue;
            }
            try {
                kafka.send(record(entry)).get(10, TimeUnit.SECONDS);
                audit.markPublished(entry.id());
                if (kafkaWasDown) {
                    kafkaWasDown = false;
                    log.info("Kafka is back; publishing the security events that waited");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                blockedTenants.add(entry.tenantId());
                if (!kafkaWasDown) {
                    kafkaWasDown = true;
                    log.warn("Cannot publish security events to Kafka now ({}); they are stored and will be retried", e.toString());
                }
            }
        }
    }

    private ProducerRecord<String, String> record(AuditEntry entry) throws JsonProcessingException {
        SecurityEventRecorded event = new SecurityEventRecorded(entry.id(), entry.tenantId(), entry.kind(), entry.userId(),
                entry.email(), entry.clientAddress(), entry.detail(), new Actor(entry.actorId(), entry.actorRole()), entry.at());
        String type = EventTypes.typeOf(SecurityEventRecorded.class);
        EventEnvelope<SecurityEventRecorded> envelope = new EventEnvelope<>(EventEnvelope.SPEC_VERSION, entry.id(), type,
                EventStreams.GATEWAY_SOURCE, entry.at(), entry.tenantId(), entry.tenantId(), entry.sequence(),
                EventEnvelope.CONTENT_TYPE, event);
        ProducerRecord<String, String> record = new ProducerRecord<>(EventStreams.SECURITY, entry.tenantId(),
                json.writeValueAsString(envelope));
        record.headers().add(EventStreams.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventStreams.ID_HEADER, entry.id().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
