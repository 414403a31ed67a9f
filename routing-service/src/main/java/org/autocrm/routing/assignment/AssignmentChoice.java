package org.autocrm.routing.assignment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of picking an agent: one agent, or nobody and why. */
public sealed interface AssignmentChoice {

    /**
     * @param reason what the ticket's history gives as the reason: {@code round_robin} or {@code least_loaded}
     */
    record Chosen(String agentId, String reason) implements AssignmentChoice {
    }

    /**
     * @param excluded each agent of the group that could not take the ticket, and why (in the group's order)
     */
    record NobodyAvailable(Reason reason, Map<String, Exclusion> excluded) implements AssignmentChoice {

        public NobodyAvailable {
            excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        }
    }

    enum Reason {
        /** The group assigns by hand. */
        MANUAL_STRATEGY,
        NO_AGENTS_IN_GROUP,
        /** Every agent is excluded; {@link NobodyAvailable#excluded()} says why each. */
        NO_AGENT_ELIGIBLE
    }
}
