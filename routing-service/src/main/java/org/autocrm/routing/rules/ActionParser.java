package org.autocrm.routing.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Checks written actions and builds them. */
final class ActionParser {

    static final List<String> TYPES = List.of("assign_group", "assign_agent", "set_priority", "add_tags",
            "remove_tags", "set_category", "apply_sla_policy", "run_macro");

    private final RuleVocabulary vocabulary;
    private final Problems problems;

    ActionParser(RuleVocabulary vocabulary, Problems problems) {
        this.vocabulary = vocabulary;
        this.problems = problems;
    }

    List<Action> actions(List<ActionSpec> specs) {
        if (specs == null || specs.isEmpty()) {
            problems.add("actions", "a rule needs at least one action");
            return List.of();
        }
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            action(specs.get(i), "actions[" + i + "]").ifPresent(actions::add);
        }
        return actions;
    }

    private Optional<Action> action(ActionSpec spec, String path) {
        if (spec == null || spec.type() == null || spec.type().isBlank()) {
            problems.add(path + ".type", "required: one of " + String.join(", ", TYPES));
            return Optional.empty();
        }
        String type = spec.type().strip().toLowerCase(Locale.ROOT);
        String valuePath = path + ".value";
        Object value = spec.value();
        return switch (type) {
            case "assign_group" -> id(value, valuePath, "the group's id", Action.AssignToGroup::new);
            case "assign_agent" -> id(value, valuePath, "the agent's id", Action.AssignToAgent::new);
            case "set_category" -> id(value, valuePath, "the category's id", Action.SetCategory::new);
            case "apply_sla_policy" -> id(value, valuePath, "the SLA policy's id", Action.ApplySlaPolicy::new);
            case "run_macro" -> id(value, valuePath, "the canned response's id", Action.RunMacro::new);
            case "set_priority" -> priority(value, valuePath);
            case "add_tags" -> tags(value, valuePath).map(Action.AddTags::new);
            case "remove_tags" -> tags(value, valuePath).map(Action.RemoveTags::new);
            default -> {
                problems.unknown(path + ".type", "action", spec.type(), TYPES);
                yield Optional.empty();
            }
        };
    }

    private Optional<Action> id(Object value, String path, String what, Function<String, Action> action) {
        if (!(value instanceof String id) || id.isBlank()) {
            problems.add(path, "required: " + what);
            return Optional.empty();
        }
        return Optional.of(action.apply(id.strip()));
    }

    private Optional<Action> priority(Object value, String path) {
        if (!(value instanceof String priority) || priority.isBlank()) {
            problems.add(path, "required: a priority");
            return Optional.empty();
        }
        List<String> known = vocabulary.priorities();
        if (known.isEmpty()) {
            return Optional.of(new Action.SetPriority(priority.strip()));
        }
        Optional<String> spelled = known.stream().filter(priority.strip()::equalsIgnoreCase).findFirst();
        if (spelled.isEmpty()) {
            problems.add(path, "\"" + priority + "\" is not a priority; one of " + String.join(", ", known));
        }
        return spelled.map(Action.SetPriority::new);
    }

    /** Tags as ticket-service keeps them: trimmed, lower case, each once. */
    private Optional<List<String>> tags(Object value, String path) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            problems.add(path, "required: a non-empty list of tags");
            return Optional.empty();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String tag) || tag.isBlank()) {
                problems.add(path + "[" + i + "]", "must be a tag (non-blank text)");
                return Optional.empty();
            }
            tags.add(tag.strip().toLowerCase(Locale.ROOT));
        }
        return Optional.of(List.copyOf(tags));
    }
}
