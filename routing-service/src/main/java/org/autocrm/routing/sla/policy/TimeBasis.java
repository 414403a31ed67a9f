package org.autocrm.routing.sla.policy;

import java.util.Arrays;
import java.util.Optional;

/** Whether a target counts only the calendar's business hours or every minute; {@link #wireName()} as the API says it. */
public enum TimeBasis {
    BUSINESS("business"),
    CALENDAR("calendar");

    private final String wireName;

    TimeBasis(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TimeBasis> fromWireName(String name) {
        return Arrays.stream(values()).filter(basis -> basis.wireName.equals(name)).findFirst();
    }
}
