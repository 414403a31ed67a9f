package org.autocrm.routing.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Collects the problems of one rule while it is checked, so the admin hears of all of them at once. */
final class Problems {

    private final List<FieldProblem> found = new ArrayList<>();

    void add(String field, String message) {
        found.add(new FieldProblem(field, message));
    }

    /** {@code unknown <what> "x"}, with the nearest known name when the input looks like a typo of it. */
    void unknown(String field, String what, String given, Collection<String> known) {
        String suggestion = closest(given, known);
        add(field, "unknown " + what + " \"" + given + "\""
                + (suggestion == null ? "; one of " + String.join(", ", known) : " (did you mean \"" + suggestion + "\"?)"));
    }

    boolean any() {
        return !found.isEmpty();
    }

    List<FieldProblem> all() {
        return List.copyOf(found);
    }

    /** The known name within two edits of the given one, if there is exactly such a nearest one. */
    private static String closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
