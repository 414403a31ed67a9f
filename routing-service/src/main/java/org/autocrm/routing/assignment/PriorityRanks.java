package org.autocrm.routing.assignment;

import java.util.Locale;
import java.util.Map;

/**
 * How urgent a priority is, for the order waiting tickets are offered in. The tenant's own priority list
 * ({@code autocrm.priorities.defined.v1}) is not read yet, so the default list ranks: low, normal/medium, high,
 * urgent; a priority not in it counts as normal.
 */
final class PriorityRanks {

    private static final Map<String, Integer> DEFAULT = Map.of("low", 0, "normal", 1, "medium", 1, "high", 2,
            "urgent", 3);

    private PriorityRanks() {
    }

    static int rank(String priority) {
        return priority == null ? 1 : DEFAULT.getOrDefault(priority.strip().toLowerCase(Locale.ROOT), 1);
    }
}
