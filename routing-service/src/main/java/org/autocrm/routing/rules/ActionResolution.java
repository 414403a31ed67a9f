package org.autocrm.routing.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the actions of the matching rules, in rule order, into the commands for one event. Conflicts are settled
 * so that the earlier rule always wins, the same way every time:
 * <ul>
 *   <li>Assignment (to a group or an agent: a ticket has one or the other), priority, category and SLA policy each
 *       have one value: the first rule to set it wins; later ones are set aside.</li>
 *   <li>Tags accumulate: all tags added go into one {@code add_tags} command, all removed into one
 *       {@code remove_tags}. A tag one rule adds and a later rule removes (or the reverse) follows the earlier
 *       rule.</li>
 *   <li>Each macro runs once, however many rules name it.</li>
 * </ul>
 * Commands come in the order their first action appeared.
 */
final class ActionResolution {

    private record Proposed(String ruleId, Action action) {
    }

    private final String eventId;
    private final Map<String, Proposed> singles = new LinkedHashMap<>();
    private final Map<String, String> tagDecidedBy = new LinkedHashMap<>();
    private final Map<String, Boolean> tagAdded = new LinkedHashMap<>();
    private final Set<String> addingRules = new LinkedHashSet<>();
    private final Set<String> removingRules = new LinkedHashSet<>();
    /** Command slots in order of first appearance: a single's slot name, or "add_tags" / "remove_tags". */
    private final Set<String> order = new LinkedHashSet<>();
    private final List<SetAside> setAside = new ArrayList<>();

    ActionResolution(String eventId) {
        this.eventId = eventId;
    }

    void propose(String ruleId, Action action) {
        if (action instanceof Action.AddTags add) {
            tags(ruleId, add.tags(), true);
        } else if (action instanceof Action.RemoveTags remove) {
            tags(ruleId, remove.tags(), false);
        } else {
            single(ruleId, action);
        }
    }

    private void single(String ruleId, Action action) {
        String slot = slotOf(action);
        Proposed earlier = singles.get(slot);
        if (earlier != null) {
            setAside.add(new SetAside(ruleId, action, earlier.ruleId()));
            return;
        }
        singles.put(slot, new Proposed(ruleId, action));
        order.add(slot);
    }

    private static String slotOf(Action action) {
        boolean assignment = action instanceof Action.AssignToGroup || action instanceof Action.AssignToAgent;
        return assignment ? "assignment" : action.key();
    }

    private void tags(String ruleId, List<String> tags, boolean add) {
        for (String tag : tags) {
            String key = tag.toLowerCase(Locale.ROOT);
            Boolean decided = tagAdded.get(key);
            if (decided == null) {
                tagAdded.put(key, add);
                tagDecidedBy.put(key, ruleId);
                order.add(add ? "add_tags" : "remove_tags");
                (add ? addingRules : removingRules).add(ruleId);
            } else if (decided == add) {
                (add ? addingRules : removingRules).add(ruleId);
            } else {
                setAside.add(new SetAside(ruleId, add ? new Action.AddTags(List.of(tag))
                        : new Action.RemoveTags(List.of(tag)), tagDecidedBy.get(key)));
            }
        }
    }

    List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (String slot : order) {
            Action action = switch (slot) {
                case "add_tags" -> new Action.AddTags(tagsWhere(true));
                case "remove_tags" -> new Action.RemoveTags(tagsWhere(false));
                default -> singles.get(slot).action();
            };
            List<String> rules = switch (slot) {
                case "add_tags" -> List.copyOf(addingRules);
                case "remove_tags" -> List.copyOf(removingRules);
                default -> List.of(singles.get(slot).ruleId());
            };
            commands.add(new Command(eventId + ":" + action.key(), action, rules));
        }
        return commands;
    }

    List<SetAside> setAside() {
        return List.copyOf(setAside);
    }

    private List<String> tagsWhere(boolean added) {
        return tagAdded.entrySet().stream().filter(entry -> entry.getValue() == added).map(Map.Entry::getKey).toList();
    }
}
