package org.autocrm.routing.sla.tracking;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.autocrm.routing.sla.settings.ChoosingPolicies;
import org.autocrm.routing.sla.settings.SlaSettingsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * After a policy or calendar changed: every open ticket of the tenant has its policy chosen again and its due times
 * recomputed, in the background (an admin's save does not wait for thousands of tickets). A clock whose policy and
 * calendar are unchanged is left alone; one whose policy was disabled or deleted loses its pending warnings and
 * breaches with it (they follow from the terms, which no longer have them). A change the pass misses (a replica
 * stopped midway) is made the next time the clock is read by the timer poller or a ticket event.
 */
@Service
public class RecomputingClocks implements SlaSettingsChanged, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecomputingClocks.class);
    private static final int ATTEMPTS = 5;

    private final SlaClockStore clocks;
    private final ChoosingPolicies policies;
    private final SlaTimeline timeline;
    private final FiringSlaTimers sending;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sla-recompute");
        thread.setDaemon(true);
        return thread;
    });

    public RecomputingClocks(SlaClockStore clocks, ChoosingPolicies policies, SlaTimeline timeline,
                             FiringSlaTimers sending, Clock clock) {
        this.clocks = clocks;
        this.policies = policies;
        this.timeline = timeline;
        this.sending = sending;
        this.clock = clock;
    }

    @Override
    public void changed(String tenantId) {
        background.submit(() -> {
            try {
                recompute(tenantId);
            } catch (RuntimeException failed) {
                log.warn("recomputing the SLA clocks of tenant {} failed; they follow at their next event or timer",
                        tenantId, failed);
            }
        });
    }

    /** The pass itself (also for a caller that wants to wait for it). */
    public int recompute(String tenantId) {
        int recomputed = 0;
        for (String ticketId : clocks.openTickets(tenantId)) {
            if (recompute(tenantId, ticketId)) {
                recomputed++;
                sending.sendNow(tenantId, ticketId);
            }
        }
        return recomputed;
    }

    private boolean recompute(String tenantId, String ticketId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SlaClockRecord> found = clocks.find(tenantId, ticketId);
            if (found.isEmpty()) {
                return false;
            }
            SlaClockRecord current = found.get();
            Optional<ChoosingPolicies.Chosen> chosen = policies.choose(tenantId, current.facts());
            if (Objects.equals(chosen.map(ChoosingPolicies.Chosen::termsKey).orElse(null), current.termsKey())) {
                return false;
            }
            if (clocks.replace(timeline.advance(current, current.state(), chosen, clock.instant()), current.version())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
