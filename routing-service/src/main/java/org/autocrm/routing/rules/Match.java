package org.autocrm.routing.rules;

import java.util.Locale;
import java.util.Optional;

/** Whether a group of conditions needs all of them to hold or any one. */
public enum Match {
    ALL, ANY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Match> fromWireName(String name) {
        if ("all".equalsIgnoreCase(name)) {
            return Optional.of(ALL);
        }
        return "any".equalsIgnoreCase(name) ? Optional.of(ANY) : Optional.empty();
    }
}
