package org.autocrm.ticket.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may read a message: everyone on the ticket, the support team, or admins only. */
public enum Visibility {
    PUBLIC, INTERNAL, ADMIN_ONLY;

    /** As requests, events and responses write it: {@code public}, {@code internal}, {@code admin_only}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> fromWireName(String value) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(value)).findFirst();
    }
}
