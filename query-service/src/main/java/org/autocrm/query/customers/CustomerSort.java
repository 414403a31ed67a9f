package org.autocrm.query.customers;

import java.util.Arrays;
import java.util.Optional;

/** The order of the customer list; ties are broken by customer id so pages never overlap. */
public record CustomerSort(Field field, boolean ascending) {

    public static final CustomerSort BY_NAME = new CustomerSort(Field.NAME, true);

    public enum Field {
        NAME("name", "name.raw", null),
        CREATED("created", "createdAt", null),
        UPDATED("updated", "updatedAt", null),
        LAST_CONTACT("lastContact", "lastContactAt", null),
        TICKETS("tickets", "ticketsTotal", "0"),
        OPEN_TICKETS("openTickets", "ticketsOpen", "0");

        final String parameterValue;
        final String documentField;
        /** What a customer without the value sorts as; null: after everyone else. */
        final String missing;

        Field(String parameterValue, String documentField, String missing) {
            this.parameterValue = parameterValue;
            this.documentField = documentField;
            this.missing = missing;
        }

        public String parameterValue() {
            return parameterValue;
        }

        public static Optional<Field> named(String name) {
            return Arrays.stream(values()).filter(f -> f.parameterValue.equalsIgnoreCase(name)).findFirst();
        }
    }
}
