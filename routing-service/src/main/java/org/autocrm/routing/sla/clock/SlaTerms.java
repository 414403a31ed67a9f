package org.autocrm.routing.sla.clock;

import java.util.Objects;
import org.autocrm.routing.sla.calendar.BusinessCalendar;
import org.autocrm.routing.sla.calendar.WorkingTime;
import org.autocrm.routing.sla.policy.SlaTargets;
import org.autocrm.routing.sla.policy.TimeBasis;

/**
 * The SLA that applies to a ticket: the policy (by id), its targets and the business calendar its business-hours
 * targets count in ({@code null} when every target counts calendar hours).
 */
public record SlaTerms(String policyId, SlaTargets targets, BusinessCalendar calendar) {

    public SlaTerms {
        Objects.requireNonNull(policyId);
        Objects.requireNonNull(targets);
        if (calendar == null && targets.needsBusinessCalendar()) {
            throw new IllegalArgumentException("policy " + policyId + " counts business hours but has no calendar");
        }
    }

    WorkingTime timeFor(TimeBasis basis) {
        return basis == TimeBasis.BUSINESS ? calendar : WorkingTime.AROUND_THE_CLOCK;
    }
}
