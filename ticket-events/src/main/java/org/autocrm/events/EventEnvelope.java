package org.autocrm.events;

import java.time.Instant;

/**
 * The CloudEvents-style envelope every event travels in on Kafka.
 *
 * @param specversion     CloudEvents spec version, always {@code "1.0"}
 * @param id              unique event id; the same event republished keeps its id
 * @param type            versioned event type, e.g. {@code autocrm.ticket.created.v1}
 * @param source          the producing service, e.g. {@code /autocrm/ticket-service}
 * @param time            when the event happened (UTC)
 * @param subject         the aggregate id (ticket, customer or configuration item); also the Kafka record key
 * @param tenantId        the support organisation the event belongs to
 * @param sequence        per-aggregate sequence number, starting at 0, without gaps
 * @param datacontenttype always {@code application/json}
 * @param data            the event payload, one of the {@link PublishedEvent} records listed in {@link EventTypes}
 */
public record EventEnvelope<D>(
        String specversion,
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String tenantId,
        long sequence,
        String datacontenttype,
        D data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
}
