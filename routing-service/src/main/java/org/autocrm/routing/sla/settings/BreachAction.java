package org.autocrm.routing.sla.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A checked breach action: one of {@link Type}, with the one value it needs. */
public record BreachAction(Type type, String value) {

    public enum Type {
        /** The ticket is escalated to a group (ticket-service's escalation). */
        ESCALATE,
        /** The ticket's priority is set to the one named. */
        RAISE_PRIORITY,
        /** A team lead is told: for now recorded on the ticket's SLA clock and carried by the breach event. */
        NOTIFY_TEAM_LEAD;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Type> fromWireName(String name) {
            return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
        }
    }

    public BreachActionSpec spec() {
        return switch (type) {
            case ESCALATE -> new BreachActionSpec(type.wireName(), value, null, null);
            case RAISE_PRIORITY -> new BreachActionSpec(type.wireName(), null, value, null);
            case NOTIFY_TEAM_LEAD -> new BreachActionSpec(type.wireName(), null, null, value);
        };
    }
}
