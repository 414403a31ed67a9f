package org.autocrm.routing.assignment;

import java.util.List;
import java.util.stream.Collectors;

/** Settings that cannot be kept as given; every field at fault is named, and nothing is stored. */
public class InvalidSettings extends RuntimeException {

    public static final String CODE = "ASSIGNMENT_SETTINGS_INVALID";

    private final List<SettingsProblem> problems;

    public InvalidSettings(List<SettingsProblem> problems) {
        super(problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<SettingsProblem> problems() {
        return problems;
    }
}
