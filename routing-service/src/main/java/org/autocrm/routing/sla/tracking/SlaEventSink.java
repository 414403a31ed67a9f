package org.autocrm.routing.sla.tracking;

/** Sends SLA events to {@code autocrm.sla.v1} (Kafka), returning once the broker has them; throws when it cannot. */
public interface SlaEventSink {

    void publish(String ticketId, SlaClockRecord.OutboxEvent event);
}
