package org.autocrm.routing.sla.settings;

import java.util.List;
import org.autocrm.routing.rules.Rule;
import org.autocrm.routing.rules.TicketFacts;
import org.autocrm.routing.sla.policy.SlaTargets;

/**
 * A checked SLA policy. Its conditions are a routing rule's ({@link Rule}, parsed and tested by the rules feature),
 * so a policy matches exactly the tickets a rule with the same conditions would.
 *
 * @param calendarId null: the tenant's default calendar
 */
public record SlaPolicy(String id, String name, int position, boolean active, Rule conditions, String calendarId,
                        SlaTargets targets, List<BreachAction> breachActions) {

    public SlaPolicy {
        breachActions = List.copyOf(breachActions);
    }

    public boolean matches(TicketFacts facts) {
        return conditions.test(facts).matched();
    }
}
