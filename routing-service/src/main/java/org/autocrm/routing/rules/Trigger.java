package org.autocrm.routing.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ticket changes a rule can run on; a rule names one or more. */
public enum Trigger {
    CREATED,
    STATUS_CHANGED,
    PRIORITY_CHANGED,
    CATEGORY_CHANGED,
    TAGS_CHANGED,
    CUSTOM_FIELD_CHANGED,
    ASSIGNMENT_CHANGED,
    CUSTOMER_REPLIED,
    AGENT_REPLIED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Trigger> fromWireName(String name) {
        return Arrays.stream(values()).filter(trigger -> trigger.wireName().equalsIgnoreCase(
                name == null ? "" : name.strip())).findFirst();
    }
}
