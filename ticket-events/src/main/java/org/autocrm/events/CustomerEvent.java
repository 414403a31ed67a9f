package org.autocrm.events;

/** A change to one customer profile, published on {@link EventStreams#CUSTOMERS}. */
public interface CustomerEvent extends PublishedEvent {

    String customerId();

    @Override
    default String aggregateId() {
        return customerId();
    }
}
