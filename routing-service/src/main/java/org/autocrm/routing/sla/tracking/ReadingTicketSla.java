package org.autocrm.routing.sla.tracking;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.autocrm.events.SlaTargetState;
import org.autocrm.routing.sla.clock.SlaReading;
import org.autocrm.routing.sla.clock.TicketSlaClock;
import org.autocrm.routing.sla.settings.ChoosingPolicies;
import org.springframework.stereotype.Service;

/** A ticket's SLA as it stands now, for the API: read from its stored clock under the terms that apply now. */
@Service
public class ReadingTicketSla {

    private final SlaClockStore clocks;
    private final ChoosingPolicies policies;
    private final Clock clock;

    public ReadingTicketSla(SlaClockStore clocks, ChoosingPolicies policies, Clock clock) {
        this.clocks = clocks;
        this.policies = policies;
        this.clock = clock;
    }

    /** @param policyId null when no policy applies (then there are no targets) */
    public record TicketSla(String ticketId, String policyId, String policyName, List<SlaTargetState> targets) {
    }

    /** Empty when the ticket has no SLA clock (unknown, another tenant's, or opened before SLA tracking). */
    public Optional<TicketSla> read(String tenantId, String ticketId) {
        return clocks.find(tenantId, ticketId).map(stored -> {
            Optional<ChoosingPolicies.Chosen> chosen = policies.choose(tenantId, stored.facts());
            SlaReading reading = TicketSlaClock.restore(stored.state(),
                    chosen.map(ChoosingPolicies.Chosen::terms).orElse(null)).readAt(clock.instant());
            return new TicketSla(ticketId, chosen.map(c -> c.policy().id()).orElse(null),
                    chosen.map(c -> c.policy().name()).orElse(null),
                    reading.targets().stream().map(SlaTimeline::state).toList());
        });
    }
}
