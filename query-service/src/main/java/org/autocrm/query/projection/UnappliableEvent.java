package org.autocrm.query.projection;

/**
 * An event that cannot be applied however long one waits, for example a change to a ticket whose document does
 * not exist. Unlike an unreachable Elasticsearch, it is retried only a few times, then sent to the dead-letter topic
 * so that it does not hold up the events behind it.
 */
public class UnappliableEvent extends RuntimeException {

    public UnappliableEvent(String message) {
        super(message);
    }
}
