package org.autocrm.routing.rules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a written rule and makes it a {@link Rule}, or refuses it with every problem named by its path
 * ({@code name}, {@code triggers[1]}, {@code conditions[2].field}, {@code conditions[1].conditions[0].value},
 * {@code actions[0].type}).
 */
public final class RuleParser {

    static final int NAME_MAX_LENGTH = 200;

    private RuleParser() {
    }

    /**
     * @param id the rule's id, given by whoever stores it
     * @throws InvalidRule with every problem found
     */
    public static Rule parse(String id, RuleSpec spec, RuleVocabulary vocabulary) {
        Problems problems = new Problems();
        String name = name(spec.name(), problems);
        int position = position(spec.position(), problems);
        Set<Trigger> triggers = triggers(spec.triggers(), problems);
        ConditionGroup conditions = new ConditionParser(vocabulary, problems).root(spec.match(), spec.conditions());
        List<Action> actions = new ActionParser(vocabulary, problems).actions(spec.actions());
        if (problems.any()) {
            throw new InvalidRule(problems.all());
        }
        boolean active = spec.active() == null || spec.active();
        return new Rule(id, name, position, active, triggers, conditions, actions);
    }

    /** The problems of a written rule; empty when it would be accepted. */
    public static List<FieldProblem> problemsOf(RuleSpec spec, RuleVocabulary vocabulary) {
        try {
            parse("unchecked", spec, vocabulary);
            return List.of();
        } catch (InvalidRule invalid) {
            return invalid.problems();
        }
    }

    private static String name(String name, Problems problems) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            problems.add("name", "required");
        } else if (stripped.length() > NAME_MAX_LENGTH) {
            problems.add("name", "at most " + NAME_MAX_LENGTH + " characters");
        }
        return stripped;
    }

    private static int position(Integer position, Problems problems) {
        if (position == null) {
            problems.add("position", "required: where the rule runs among the others, 0 or more");
            return 0;
        }
        if (position < 0) {
            problems.add("position", "must be 0 or more");
        }
        return position;
    }

    private static Set<Trigger> triggers(List<String> names, Problems problems) {
        List<String> known = Arrays.stream(Trigger.values()).map(Trigger::wireName).toList();
        Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
        if (names == null || names.isEmpty()) {
            problems.add("triggers", "name at least one of " + String.join(", ", known));
            return triggers;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<Trigger> trigger = Trigger.fromWireName(name);
            if (trigger.isPresent()) {
                triggers.add(trigger.get());
            } else {
                problems.unknown("triggers[" + i + "]", "trigger", String.valueOf(name), known);
            }
        }
        return triggers;
    }
}
