package org.autocrm.query.ticketsearch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The order of a ticket list: by a field, either way; ties are broken by ticket id so pages never overlap. */
public record TicketSort(Field field, boolean ascending) {

    public static final TicketSort NEWEST_FIRST = new TicketSort(Field.CREATED, false);

    public enum Field {
        CREATED("createdAt"), UPDATED("updatedAt"), PRIORITY("priorityRank"),
        /** The soonest SLA due time of a running target; tickets without one come last either way. */
        SLA("sla.nextDueAt");

        final String documentField;

        Field(String documentField) {
            this.documentField = documentField;
        }

        public static Optional<Field> named(String name) {
            return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
        }

        /** SLA lists soonest due first unless asked otherwise; the others newest (highest) first. */
        public boolean ascendingByDefault() {
            return this == SLA;
        }

        public String parameterValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
