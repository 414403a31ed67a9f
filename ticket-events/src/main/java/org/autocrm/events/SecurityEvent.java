package org.autocrm.events;

/**
 * A security event of one tenant (sign-ins, lockouts, API keys, role changes), published by the
 * gateway on {@link EventStreams#SECURITY}. The tenant is the aggregate: subject and Kafka key are
 * the tenant id, and the sequence counts the tenant's security events.
 */
public interface SecurityEvent extends PublishedEvent {

    @Override
    default String aggregateId() {
        return tenantId();
    }
}
