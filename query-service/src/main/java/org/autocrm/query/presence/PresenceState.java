package org.autocrm.query.presence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What someone present on a ticket is doing. */
public enum PresenceState {
    VIEWING, TYPING;

    /** As requests, the topic and the stream write it: {@code viewing}, {@code typing}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PresenceState> of(String value) {
        return Arrays.stream(values()).filter(state -> state.wireName().equals(value)).findFirst();
    }
}
