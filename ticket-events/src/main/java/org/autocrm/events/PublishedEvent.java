package org.autocrm.events;

import java.time.Instant;

/**
 * Every event AutoCRM publishes: it belongs to one aggregate of one tenant, and says who caused it
 * and when. Implementations are records listed in {@link EventTypes}.
 */
public interface PublishedEvent {

    /** The aggregate the event belongs to (the envelope's {@code subject} and the Kafka key). */
    String aggregateId();

    String tenantId();

    /** Who caused the event. */
    Actor by();

    /** When it happened (UTC). */
    Instant at();
}
