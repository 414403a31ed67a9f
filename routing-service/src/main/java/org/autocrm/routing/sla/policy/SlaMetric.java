package org.autocrm.routing.sla.policy;

import java.util.Arrays;
import java.util.Optional;

/** What an SLA target measures; {@link #wireName()} is how the API and events spell it. */
public enum SlaMetric {
    /** From the ticket's creation to the first public reply by staff. */
    FIRST_RESPONSE("first_response"),
    /** From a customer's message (after staff replied) to staff's next public reply. */
    NEXT_RESPONSE("next_response"),
    /** From creation (or reopening) to RESOLVED. */
    RESOLUTION("resolution");

    private final String wireName;

    SlaMetric(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SlaMetric> fromWireName(String name) {
        return Arrays.stream(values()).filter(metric -> metric.wireName.equals(name)).findFirst();
    }
}
