package org.autocrm.ticket.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a message is written: the conversation with the customer, or a thread between team members. */
public enum ThreadKind {
    EXTERNAL, INTERNAL;

    /** As requests, events and responses write it: {@code external}, {@code internal}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ThreadKind> fromWireName(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(value)).findFirst();
    }
}
