package org.autocrm.routing.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ticket fields a condition can name, by the name an admin writes. Custom fields are named
 * {@code customFields.<key>} and typed by their definition (see {@link RuleVocabulary}).
 */
public enum TicketField {
    CHANNEL("channel", ValueType.KEYWORD, TicketFacts::channel),
    PRIORITY("priority", ValueType.KEYWORD, TicketFacts::priority),
    CATEGORY("categoryId", ValueType.KEYWORD, TicketFacts::categoryId),
    TAGS("tags", ValueType.LIST, facts -> List.copyOf(facts.tags())),
    LANGUAGE("language", ValueType.KEYWORD, TicketFacts::language),
    SUBJECT("subject", ValueType.TEXT, TicketFacts::subject),
    DESCRIPTION("description", ValueType.TEXT, TicketFacts::description),
    CUSTOMER_COMPANY("customer.company", ValueType.TEXT, TicketFacts::customerCompany),
    CUSTOMER_TIER("customer.tier", ValueType.KEYWORD, TicketFacts::customerTier),
    CREATED_AT("createdAt", ValueType.TIMESTAMP, TicketFacts::createdAt),
    CREATED_WITHIN_BUSINESS_HOURS("createdWithinBusinessHours", ValueType.BOOLEAN,
            TicketFacts::createdWithinBusinessHours),
    STATUS("status", ValueType.KEYWORD, facts -> facts.status() == null ? null : facts.status().name()),
    ASSIGNED_AGENT("assignedAgentId", ValueType.KEYWORD, TicketFacts::assignedAgentId),
    ASSIGNED_GROUP("assignedGroupId", ValueType.KEYWORD, TicketFacts::assignedGroupId);

    /** The prefix of a custom field's name in a condition. */
    public static final String CUSTOM_FIELD_PREFIX = "customFields.";

    private final String fieldName;
    private final ValueType type;
    private final Function<TicketFacts, Object> reader;

    TicketField(String fieldName, ValueType type, Function<TicketFacts, Object> reader) {
        this.fieldName = fieldName;
        this.type = type;
        this.reader = reader;
    }

    public String fieldName() {
        return fieldName;
    }

    public ValueType type() {
        return type;
    }

    public FieldRef ref() {
        return new FieldRef(fieldName, type, reader);
    }

    public static Optional<TicketField> named(String name) {
        return Arrays.stream(values()).filter(field -> field.fieldName.equals(name)).findFirst();
    }
}
