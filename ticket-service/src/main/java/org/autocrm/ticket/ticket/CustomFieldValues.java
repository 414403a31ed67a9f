package org.autocrm.ticket.ticket;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autocrm.events.Actor;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.TicketConfiguration.CustomFieldDefinition;

/** Checks custom field values against the tenant's definitions on every write. */
final class CustomFieldValues {

    private static final int MAX_TEXT = 10_000;

    private CustomFieldValues() {
    }

    /** Values for a new ticket: every one valid, and every required field present. */
    static Map<String, Object> forNewTicket(Map<String, Object> values, Map<String, CustomFieldDefinition> definitions,
                                            Actor by) {
        Map<String, Object> checked = new LinkedHashMap<>();
        values.forEach((key, value) -> checked.put(key, check(key, value, definitions, by)));
        definitions.values().stream()
                .filter(definition -> definition.required() && !definition.retired())
                .filter(definition -> checked.get(definition.key()) == null)
                .findFirst()
                .ifPresent(missing -> {
                    throw invalid(missing.key(), "is required");
                });
        checked.values().removeIf(java.util.Objects::isNull);
        return checked;
    }

    /** One value being changed on an existing ticket (null clears it). */
    static Object forChange(String key, Object value, Map<String, CustomFieldDefinition> definitions, Actor by) {
        Object checked = check(key, value, definitions, by);
        if (checked == null && definitions.get(key).required()) {
            throw invalid(key, "is required and cannot be cleared");
        }
        return checked;
    }

    private static Object check(String key, Object value, Map<String, CustomFieldDefinition> definitions, Actor by) {
        CustomFieldDefinition definition = definitions.get(key);
        if (definition == null) {
            throw invalid(key, "is not a custom field of this organisation");
        }
        if (definition.retired()) {
            throw invalid(key, "has been retired and can no longer be set");
        }
        if (TicketPermissions.isCustomer(by) && !definition.visibleToCustomers()) {
            throw invalid(key, "can only be set by agents");
        }
        if (value == null) {
            return null;
        }
        return switch (definition.type()) {
            case TEXT -> text(key, value);
            case NUMBER -> number(key, value);
            case DATE -> date(key, value);
            case DROPDOWN -> option(key, value, definition.options());
            case MULTI_SELECT -> options(key, value, definition.options());
            case CHECKBOX -> checkbox(key, value);
        };
    }

    private static String text(String key, Object value) {
        if (!(value instanceof String text) || text.length() > MAX_TEXT) {
            throw invalid(key, "must be text of at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static Number number(String key, Object value) {
        if (!(value instanceof Number number)) {
            throw invalid(key, "must be a number");
        }
        return number;
    }

    private static String date(String key, Object value) {
        try {
            return LocalDate.parse((String) value).toString();
        } catch (ClassCastException | DateTimeParseException e) {
            throw invalid(key, "must be a date like 2026-11-22");
        }
    }

    private static String option(String key, Object value, List<String> options) {
        if (!(value instanceof String choice) || !options.contains(choice)) {
            throw invalid(key, "must be one of " + options);
        }
        return choice;
    }

    private static List<String> options(String key, Object value, List<String> options) {
        if (!(value instanceof List<?> choices)) {
            throw invalid(key, "must be a list of values from " + options);
        }
        List<String> checked = choices.stream().map(choice -> option(key, choice, options)).toList();
        if (new HashSet<>(checked).size() != checked.size()) {
            throw invalid(key, "must not repeat a value");
        }
        return checked;
    }

    private static Boolean checkbox(String key, Object value) {
        if (!(value instanceof Boolean checked)) {
            throw invalid(key, "must be true or false");
        }
        return checked;
    }

    private static Refused invalid(String key, String problem) {
        return new Refused(TicketRule.INVALID_CUSTOM_FIELD, "customFields." + key + " " + problem,
                Map.of("field", "customFields." + key));
    }
}
