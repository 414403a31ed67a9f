package org.autocrm.ticket.ticket;

import java.util.Arrays;
import java.util.Optional;

/** Where a ticket came in. The wire name is what the event contract carries. */
public enum Channel {
    PORTAL("portal"), EMAIL("email"), CHAT("chat"), PHONE("phone"), API("api"), ERROR_REPORT("error-report");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Channel> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
