package org.autocrm.ticket.configuration.customfield;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.TicketConfiguration.FieldType;

/** What makes a custom field definition well-formed: its key, label, type and options. */
final class CustomFieldRules {

    static final int KEY_MAX_LENGTH = 50;
    static final int LABEL_MAX_LENGTH = 100;
    static final int OPTION_MAX_LENGTH = 100;
    static final int MAX_OPTIONS = 200;
    private static final Pattern LOWER_SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private CustomFieldRules() {
    }

    static String key(String key) {
        if (key == null || key.length() > KEY_MAX_LENGTH || !LOWER_SNAKE_CASE.matcher(key).matches()) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_KEY_INVALID,
                    "key must be lower snake case (like order_number), 1 to " + KEY_MAX_LENGTH
                            + " characters, starting with a letter");
        }
        return key;
    }

    static String label(String label) {
        String stripped = label == null ? "" : label.strip();
        if (stripped.isEmpty() || stripped.length() > LABEL_MAX_LENGTH) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_LABEL_INVALID,
                    "label must be 1 to " + LABEL_MAX_LENGTH + " characters");
        }
        return stripped;
    }

    static FieldType type(String type) {
        return typeOf(type).orElseThrow(() -> new Refused(
                ConfigurationRule.CUSTOM_FIELD_TYPE_UNKNOWN,
                "type must be one of text, number, date, dropdown, multi_select, checkbox, not '" + type + "'"));
    }

    static Optional<FieldType> typeOf(String wireName) {
        for (FieldType type : FieldType.values()) {
            if (wireName(type).equalsIgnoreCase(wireName == null ? "" : wireName.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static String wireName(FieldType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The options of a field of this type: required and distinct for choices, forbidden otherwise. */
    static List<String> options(FieldType type, List<String> options) {
        boolean given = options != null && !options.isEmpty();
        if (!hasOptions(type)) {
            if (given) {
                throw new Refused(ConfigurationRule.CUSTOM_FIELD_OPTIONS_FORBIDDEN,
                        "options are only allowed for dropdown and multi_select fields, not for " + wireName(type));
            }
            return List.of();
        }
        if (!given) {
            throw new Refused(ConfigurationRule.CUSTOM_FIELD_OPTIONS_REQUIRED,
                    "options are required for a " + wireName(type) + " field: give at least one");
        }
        if (options.size() > MAX_OPTIONS) {
            throw invalidOptions("options may list at most " + MAX_OPTIONS + " values");
        }
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            String stripped = option == null ? "" : option.strip();
            if (stripped.isEmpty() || stripped.length() > OPTION_MAX_LENGTH) {
                throw invalidOptions("options must each be 1 to " + OPTION_MAX_LENGTH + " characters");
            }
            if (!seen.add(stripped.toLowerCase(Locale.ROOT))) {
                throw invalidOptions("options must be distinct; '" + stripped + "' is listed twice");
            }
            valid.add(stripped);
        }
        return List.copyOf(valid);
    }

    private static boolean hasOptions(FieldType type) {
        return type == FieldType.DROPDOWN || type == FieldType.MULTI_SELECT;
    }

    private static Refused invalidOptions(String message) {
        return new Refused(ConfigurationRule.CUSTOM_FIELD_OPTIONS_INVALID, message);
    }
}
