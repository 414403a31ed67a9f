package org.autocrm.routing.assignment;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Offers a group's waiting tickets again when capacity may have freed: a ticket of one of its agents resolved or
 * closed, an agent back to available, a group switched to an automatic strategy, and on a periodic pass (which also
 * catches schedule slots beginning). Tickets are offered in {@link WaitingTicket#OFFER_ORDER}; each is taken by one
 * replica only (its claim moves from waiting to picking atomically).
 */
@Component
public class OfferingWaitingTickets {

    /** Exclusions that say nothing about the next ticket: when every agent has one of these, the pass stops. */
    private static final Set<Exclusion> NOT_ABOUT_THE_TICKET = EnumSet.of(Exclusion.OFFLINE, Exclusion.AWAY,
            Exclusion.OUTSIDE_SCHEDULE, Exclusion.AT_CAPACITY);

    /** At most this many tickets per group per offer, so one offer stays short; the next one goes on. */
    static final int MAX_PER_OFFER = 200;

    private static final Logger log = LoggerFactory.getLogger(OfferingWaitingTickets.class);

    private final AssignmentSettingsStore settings;
    private final WaitingQueue queue;
    private final AssignmentClaims claims;
    private final AssigningInGroup assigning;

    public OfferingWaitingTickets(AssignmentSettingsStore settings, WaitingQueue queue, AssignmentClaims claims,
            AssigningInGroup assigning) {
        this.settings = settings;
        this.queue = queue;
        this.claims = claims;
        this.assigning = assigning;
    }

    /** The periodic pass over every group with waiting tickets; a group that fails is logged and retried next time. */
    public void offerEverywhere() {
        for (WaitingQueue.GroupKey group : queue.groupsWithWaitingTickets()) {
            offerQuietly(group.tenantId(), group.groupId());
        }
    }

    /** Every group the agent takes tickets for. */
    public void offerForAgent(String tenantId, String agentId) {
        settings.agent(tenantId, agentId).ifPresent(agent -> agent.profile().groups()
                .forEach(groupId -> offerQuietly(tenantId, groupId)));
    }

    /** Offers without failing the caller: what cannot be assigned now waits for the next pass. */
    public void offerQuietly(String tenantId, String groupId) {
        try {
            offerInGroup(tenantId, groupId);
        } catch (RuntimeException e) {
            log.warn("Offering the waiting tickets of group {} (tenant {}) failed; the next pass tries again: {}",
                    groupId, tenantId, e.toString());
        }
    }

    /** @return how many waiting tickets were assigned */
    public int offerInGroup(String tenantId, String groupId) {
        Optional<GroupSettings> group = settings.group(tenantId, groupId);
        if (group.isEmpty() || !group.get().automatic()) {
            return 0;
        }
        List<QueuedTicket> waiting = queue.waitingIn(tenantId, groupId).stream()
                .sorted((a, b) -> WaitingTicket.OFFER_ORDER.compare(a.order(), b.order())).limit(MAX_PER_OFFER)
                .toList();
        int assigned = 0;
        for (QueuedTicket ticket : waiting) {
            Optional<Claim> claim = claims.takeWaiting(tenantId, ticket.eventId(), assigning.now(),
                    assigning.leaseFromNow());
            if (claim.isEmpty()) {
                continue;
            }
            AssigningInGroup.Outcome outcome = assigning.carryOut(claim.get(), ticket);
            if (outcome instanceof AssigningInGroup.Outcome.Assigned) {
                assigned++;
            } else if (outcome instanceof AssigningInGroup.Outcome.Waiting waitingStill
                    && NOT_ABOUT_THE_TICKET.containsAll(waitingStill.why().excluded().values())) {
                break;
            }
        }
        return assigned;
    }
}
