package org.autocrm.routing.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's own words a rule is checked against: its channels, its priorities (lowest first, as ticket-service
 * defines them) and its custom fields. An empty channel or priority list means "not known here": values are then
 * accepted as written. Custom fields must always be defined, or a condition on them is refused.
 */
public record RuleVocabulary(Set<String> channels, List<String> priorities, Map<String, CustomField> customFields) {

    public RuleVocabulary {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    public static RuleVocabulary unknown() {
        return new RuleVocabulary(Set.of(), List.of(), Map.of());
    }

    /**
     * A custom field definition as ticket-service publishes it.
     *
     * @param type    ticket-service's wire name: text, number, date, dropdown, multi_select or checkbox
     * @param options the choices of a dropdown or multi select, empty otherwise
     */
    public record CustomField(String key, String type, List<String> options) {

        public CustomField {
            options = options == null ? List.of() : List.copyOf(options);
        }

        /** How conditions see a field of this definition; empty for a type this service does not know. */
        Optional<ValueType> valueType() {
            return Optional.ofNullable(switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
                case "text" -> ValueType.TEXT;
                case "dropdown" -> ValueType.KEYWORD;
                case "number" -> ValueType.NUMBER;
                case "date" -> ValueType.DATE;
                case "checkbox" -> ValueType.BOOLEAN;
                case "multi_select" -> ValueType.LIST;
                default -> null;
            });
        }
    }
}
