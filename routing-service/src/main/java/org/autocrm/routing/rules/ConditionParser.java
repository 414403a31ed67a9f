package org.autocrm.routing.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.autocrm.events.TicketStatus;

/** Checks written conditions against the fields, operators and the tenant's vocabulary, and builds them. */
final class ConditionParser {

    /** A field as resolved from its name: how to read it, and the values it may take (empty: any). */
    private record Resolved(FieldRef ref, List<String> allowed, String allowedName) {
    }

    private final RuleVocabulary vocabulary;
    private final Problems problems;

    ConditionParser(RuleVocabulary vocabulary, Problems problems) {
        this.vocabulary = vocabulary;
        this.problems = problems;
    }

    /** The rule's top-level conditions as its root group, at path {@code conditions}. */
    ConditionGroup root(String match, List<ConditionSpec> specs) {
        Match how = match(match, "match");
        List<ConditionSpec> given = specs == null ? List.of() : specs;
        if (how == Match.ANY && given.isEmpty()) {
            problems.add("conditions", "with match any, give at least one condition");
        }
        return new ConditionGroup(how, parts(given, "conditions", true));
    }

    private List<Condition> parts(List<ConditionSpec> specs, String listPath, boolean groupsAllowed) {
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String path = listPath + "[" + i + "]";
            ConditionSpec spec = specs.get(i);
            if (spec == null) {
                problems.add(path, "a condition is required here");
            } else if (spec.isGroup()) {
                group(spec, path, groupsAllowed).ifPresent(parts::add);
            } else {
                test(spec, path).ifPresent(parts::add);
            }
        }
        return parts;
    }

    private Optional<Condition> group(ConditionSpec spec, String path, boolean allowed) {
        if (!allowed) {
            problems.add(path, "groups nest one level deep: a group inside a group may hold field tests only");
            return Optional.empty();
        }
        if (spec.field() != null || spec.operator() != null || spec.value() != null) {
            problems.add(path, "a condition is either a field test (field, operator, value) or a group (match, "
                    + "conditions), not both");
            return Optional.empty();
        }
        Match how = match(spec.match(), path + ".match");
        List<ConditionSpec> given = spec.conditions() == null ? List.of() : spec.conditions();
        if (given.isEmpty()) {
            problems.add(path + ".conditions", "a group needs at least one condition");
        }
        return Optional.of(new ConditionGroup(how, parts(given, path + ".conditions", false)));
    }

    private Match match(String match, String path) {
        if (match == null) {
            return Match.ALL;
        }
        return Match.fromWireName(match).orElseGet(() -> {
            problems.add(path, "must be all or any, not \"" + match + "\"");
            return Match.ALL;
        });
    }

    private Optional<Condition> test(ConditionSpec spec, String path) {
        Optional<Resolved> field = field(spec.field(), path + ".field");
        Optional<Operator> operator = operator(spec.operator(), path + ".operator");
        if (field.isEmpty() || operator.isEmpty()) {
            return Optional.empty();
        }
        ValueType type = field.get().ref().type();
        if (!type.allows(operator.get())) {
            problems.add(path + ".operator", "\"" + operator.get().wireName() + "\" does not apply to "
                    + field.get().ref().name() + " (" + type.wireName() + "); use one of " + names(type));
            return Optional.empty();
        }
        Object value = value(field.get(), operator.get(), spec.value(), path + ".value");
        return value == INVALID ? Optional.empty()
                : Optional.of(new FieldCondition(field.get().ref(), operator.get(), value));
    }

    private Optional<Resolved> field(String name, String path) {
        if (name == null || name.isBlank()) {
            problems.add(path, "required");
            return Optional.empty();
        }
        Optional<TicketField> standard = TicketField.named(name.strip());
        if (standard.isPresent()) {
            return Optional.of(standardField(standard.get()));
        }
        if (name.startsWith(TicketField.CUSTOM_FIELD_PREFIX)) {
            return customField(name.substring(TicketField.CUSTOM_FIELD_PREFIX.length()), path);
        }
        List<String> known = Stream.concat(Arrays.stream(TicketField.values()).map(TicketField::fieldName),
                Stream.of(TicketField.CUSTOM_FIELD_PREFIX + "<key>")).toList();
        problems.unknown(path, "field", name, known);
        return Optional.empty();
    }

    private Resolved standardField(TicketField field) {
        return switch (field) {
            case STATUS -> new Resolved(field.ref(),
                    Arrays.stream(TicketStatus.values()).map(Enum::name).toList(), "status");
            case CHANNEL -> new Resolved(field.ref(), vocabulary.channels().stream().sorted().toList(), "channel");
            case PRIORITY -> new Resolved(field.ref(), vocabulary.priorities(), "priority");
            default -> new Resolved(field.ref(), List.of(), null);
        };
    }

    private Optional<Resolved> customField(String key, String path) {
        RuleVocabulary.CustomField definition = vocabulary.customFields().get(key);
        if (definition == null) {
            problems.unknown(path, "custom field", key, vocabulary.customFields().keySet().stream().sorted().toList());
            return Optional.empty();
        }
        Optional<ValueType> type = definition.valueType();
        if (type.isEmpty()) {
            problems.add(path, "custom field \"" + key + "\" has type \"" + definition.type()
                    + "\", which rules cannot test");
            return Optional.empty();
        }
        return Optional.of(new Resolved(FieldRef.custom(key, type.get()), definition.options(), "option of " + key));
    }

    private Optional<Operator> operator(String name, String path) {
        if (name == null || name.isBlank()) {
            problems.add(path, "required");
            return Optional.empty();
        }
        Optional<Operator> operator = Operator.fromWireName(name);
        if (operator.isEmpty()) {
            problems.unknown(path, "operator", name, Arrays.stream(Operator.values()).map(Operator::wireName).toList());
        }
        return operator;
    }

    /** The condition's value in its type's Java form; null for none (is_set), {@link #INVALID} after a problem. */
    private Object value(Resolved field, Operator operator, Object raw, String path) {
        String name = field.ref().name();
        switch (operator.valueShape()) {
            case NONE -> {
                if (raw != null) {
                    problems.add(path, operator.wireName() + " takes no value");
                    return INVALID;
                }
                return null;
            }
            case LIST -> {
                if (!(raw instanceof List<?> items) || items.isEmpty()) {
                    problems.add(path, operator.wireName() + " takes a non-empty list of " + expected(field) + " for "
                            + name);
                    return INVALID;
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    single(field, items.get(i), path + "[" + i + "]").ifPresent(values::add);
                }
                return values.size() == items.size() ? List.copyOf(values) : INVALID;
            }
            default -> {
                if (raw == null) {
                    problems.add(path, "required: " + expected(field) + " for " + name);
                    return INVALID;
                }
                return single(field, raw, path).orElse(INVALID);
            }
        }
    }

    /** Marks a value that could not be read; its problem is already recorded. */
    private static final Object INVALID = new Object();

    private Optional<Object> single(Resolved field, Object raw, String path) {
        ValueType type = elementType(field.ref().type());
        Optional<Object> value = Values.read(type, raw);
        if (value.isEmpty()) {
            problems.add(path, "must be " + expected(field) + " for " + field.ref().name() + ", not " + shown(raw));
            return Optional.empty();
        }
        if (value.get() instanceof String text) {
            if (text.isBlank()) {
                problems.add(path, "must not be blank");
                return Optional.empty();
            }
            return allowed(field, text.strip(), path);
        }
        return value;
    }

    /** A value of a closed vocabulary, spelled as the vocabulary spells it. */
    private Optional<Object> allowed(Resolved field, String text, String path) {
        if (field.allowed().isEmpty()) {
            return Optional.of(text);
        }
        Optional<String> known = field.allowed().stream().filter(text::equalsIgnoreCase).findFirst();
        if (known.isEmpty()) {
            problems.add(path, "\"" + text + "\" is not a " + field.allowedName() + "; one of "
                    + String.join(", ", field.allowed()));
        }
        return known.map(Object.class::cast);
    }

    private static ValueType elementType(ValueType type) {
        return type == ValueType.LIST ? ValueType.KEYWORD : type;
    }

    private static String expected(Resolved field) {
        return switch (elementType(field.ref().type())) {
            case TEXT, KEYWORD, LIST -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date like 2026-03-31";
            case TIMESTAMP -> "a time like 2026-03-31T08:00:00Z";
        };
    }

    private static String shown(Object raw) {
        return raw instanceof String text ? "\"" + text + "\"" : String.valueOf(raw);
    }

    private static String names(ValueType type) {
        return Arrays.stream(Operator.values()).filter(type::allows).map(Operator::wireName)
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
