package org.autocrm.routing.sla.settings;

import java.util.Optional;
import org.autocrm.routing.rules.TicketFacts;
import org.autocrm.routing.sla.calendar.BusinessCalendar;
import org.autocrm.routing.sla.clock.SlaTerms;
import org.springframework.stereotype.Service;

/**
 * The SLA that applies to a ticket: the first active policy, by position then id, whose conditions the ticket
 * meets, with the calendar it counts in (its own, or the tenant's default). A policy whose calendar is gone and that
 * needs one is passed over, as if it did not match, rather than giving due times nobody could explain.
 */
@Service
public class ChoosingPolicies {

    private final PolicyStore policies;
    private final CalendarStore calendars;

    public ChoosingPolicies(PolicyStore policies, CalendarStore calendars) {
        this.policies = policies;
        this.calendars = calendars;
    }

    /**
     * The chosen policy and its terms.
     *
     * @param termsKey what the terms were made of (policy and calendar, each at its version): a clock whose key is the
     *                 same needs no recomputing
     */
    public record Chosen(SlaPolicy policy, SlaTerms terms, String calendarId, String termsKey) {
    }

    public Optional<Chosen> choose(String tenantId, TicketFacts facts) {
        Optional<StoredCalendar> defaultCalendar = calendars.findDefault(tenantId);
        for (StoredPolicy stored : policies.list(tenantId)) {
            if (!stored.active()) {
                continue;
            }
            SlaPolicy policy = stored.policy();
            if (!policy.matches(facts)) {
                continue;
            }
            Optional<StoredCalendar> calendar = policy.calendarId() == null ? defaultCalendar
                    : calendars.find(tenantId, policy.calendarId());
            if (calendar.isEmpty() && policy.targets().needsBusinessCalendar()) {
                continue;
            }
            BusinessCalendar counted = calendar.map(StoredCalendar::calendar).orElse(null);
            String key = stored.id() + "@" + stored.version()
                    + calendar.map(c -> "/" + c.id() + "@" + c.version()).orElse("");
            return Optional.of(new Chosen(policy, new SlaTerms(policy.id(), policy.targets(), counted),
                    calendar.map(StoredCalendar::id).orElse(null), key));
        }
        return Optional.empty();
    }
}
