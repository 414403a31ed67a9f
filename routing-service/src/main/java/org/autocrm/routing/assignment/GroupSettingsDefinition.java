package org.autocrm.routing.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group's assignment settings as an admin writes them (every value as on the wire), checked as a whole by
 * {@link #validate()}: a refusal names every field at fault.
 *
 * @param strategy        {@code manual}, {@code round_robin} or {@code least_loaded}
 * @param loadMeasure     for {@code least_loaded}: {@code open_tickets} (the default) or {@code spare_capacity}
 * @param maxOpenPerAgent the group's cap of open tickets per agent, at least 1; null for none
 */
public record GroupSettingsDefinition(String strategy, String loadMeasure, Boolean matchSkills, Boolean matchLanguage,
                                      Integer maxOpenPerAgent) {

    static final int MAX_CAP = 10_000;

    public GroupAssignment validate() {
        List<SettingsProblem> problems = new ArrayList<>();
        AssignmentStrategy parsedStrategy = null;
        if (strategy == null) {
            problems.add(new SettingsProblem("strategy", "required: manual, round_robin or least_loaded"));
        } else {
            parsedStrategy = WireNames.parse(AssignmentStrategy.class, strategy);
            if (parsedStrategy == null) {
                problems.add(new SettingsProblem("strategy", "unknown strategy \"" + strategy
                        + "\"; use manual, round_robin or least_loaded"));
            }
        }
        LoadMeasure measure = null;
        if (loadMeasure != null) {
            measure = WireNames.parse(LoadMeasure.class, loadMeasure);
            if (measure == null) {
                problems.add(new SettingsProblem("loadMeasure", "unknown load measure \"" + loadMeasure
                        + "\"; use open_tickets or spare_capacity"));
            }
        }
        if (maxOpenPerAgent != null && (maxOpenPerAgent < 1 || maxOpenPerAgent > MAX_CAP)) {
            problems.add(new SettingsProblem("maxOpenPerAgent", "must be between 1 and " + MAX_CAP
                    + " (leave it out for no cap), not " + maxOpenPerAgent));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        return new GroupAssignment(parsedStrategy, measure, maxOpenPerAgent, Boolean.TRUE.equals(matchSkills),
                Boolean.TRUE.equals(matchLanguage));
    }

    /** The settings written back the way an admin writes them. */
    public static GroupSettingsDefinition of(GroupAssignment assignment) {
        return new GroupSettingsDefinition(WireNames.of(assignment.strategy()), WireNames.of(assignment.loadMeasure()),
                assignment.matchSkills(), assignment.matchLanguage(), assignment.maxOpenPerAgent());
    }

    /** Enum constants on the wire: lower case ({@code round_robin}). */
    static final class WireNames {

        private WireNames() {
        }

        static <E extends Enum<E>> E parse(Class<E> type, String wire) {
            for (E constant : type.getEnumConstants()) {
                if (of(constant).equals(wire.strip().toLowerCase(Locale.ROOT))) {
                    return constant;
                }
            }
            return null;
        }

        static String of(Enum<?> constant) {
            return constant == null ? null : constant.name().toLowerCase(Locale.ROOT);
        }
    }
}
