package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.autocrm.routing.rules.TicketFacts;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.routing.ticketcommands.TicketServiceUnavailable;
import org.autocrm.routing.tickets.TicketReaction;
import org.autocrm.routing.tickets.TicketSnapshot;
import org.autocrm.routing.tickets.TicketStreamEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Assignment's reaction to the ticket stream (after the rules, before SLA):
 * <ul>
 *   <li>keeps each agent's load (open tickets assigned to them) from assignments, unassignments, resolutions,
 *       closings and reopenings;</li>
 *   <li>a ticket that arrives in a group without an agent (assigned there, or reopened there) is assigned by the
 *       group's strategy, or waits in its queue when nobody is free; the event's id keys the claim and the
 *       command, so a redelivery or a second replica does not assign it again;</li>
 *   <li>a reopened ticket whose agent is not working (away, offline or outside their schedule) goes back to the group
 *       it was last in, whose strategy then applies;</li>
 *   <li>a ticket leaving an agent's load offers that agent's groups' waiting tickets.</li>
 * </ul>
 */
@Component
@Order(200)
public class AssigningTickets implements TicketReaction {

    private static final Logger log = LoggerFactory.getLogger(AssigningTickets.class);

    private final AssignmentSettingsStore settings;
    private final AssignmentClaims claims;
    private final AgentLoads loads;
    private final WaitingQueue queue;
    private final TicketGroups ticketGroups;
    private final AssigningInGroup assigning;
    private final OfferingWaitingTickets offers;
    /** Resolved on first use: the settings API needs no ticket-service client configured. */
    private final TicketCommands commands;
    private final ObjectProvider<SlaDueTimes> slaDueTimes;

    public AssigningTickets(AssignmentSettingsStore settings, AssignmentClaims claims, AgentLoads loads,
            WaitingQueue queue, TicketGroups ticketGroups, AssigningInGroup assigning, OfferingWaitingTickets offers,
            @Lazy TicketCommands commands, ObjectProvider<SlaDueTimes> slaDueTimes) {
        this.settings = settings;
        this.claims = claims;
        this.loads = loads;
        this.queue = queue;
        this.ticketGroups = ticketGroups;
        this.assigning = assigning;
        this.offers = offers;
        this.commands = commands;
        this.slaDueTimes = slaDueTimes;
    }

    @Override
    public void react(TicketStreamEvent event, TicketSnapshot before, TicketSnapshot after) {
        String tenantId = after.tenantId();
        TicketFacts now = after.facts();
        String freedAgent = trackLoad(tenantId, before, after);
        if (now.assignedGroupId() != null
                && (before == null || !now.assignedGroupId().equals(before.facts().assignedGroupId()))) {
            ticketGroups.remember(tenantId, after.ticketId(), now.assignedGroupId());
        }
        if (before != null && inGroupWithoutAgent(before) && !inGroupWithoutAgent(after)) {
            queue.remove(tenantId, after.ticketId()); // taken by hand, moved out of the group, resolved or closed
        }
        if (arrivedInGroup(before, after) && assignsAutomatically(tenantId, now.assignedGroupId())) {
            claims.begin(tenantId, event.eventId(), after.ticketId(), now.assignedGroupId(), assigning.now(),
                    assigning.leaseFromNow()).ifPresent(claim -> carryOut(claim, queued(event, after)));
        } else if (reopenedWithAgentAway(before, after)) {
            sendBackToGroup(event, after);
        }
        if (freedAgent != null) {
            offers.offerForAgent(tenantId, freedAgent);
        }
    }

    private void carryOut(Claim claim, QueuedTicket ticket) {
        try {
            assigning.carryOut(claim, ticket);
        } catch (TicketServiceUnavailable e) {
            // the ticket is in the group's queue by now; the next pass offers it again, no need to redeliver the event
            log.warn("Could not deliver the assignment of ticket {} (tenant {}); it waits for the next pass: {}",
                    claim.ticketId(), claim.tenantId(), e.toString());
        }
    }

    /** @return the agent whose load the ticket left, if any */
    private String trackLoad(String tenantId, TicketSnapshot before, TicketSnapshot after) {
        String agent = after.facts().assignedAgentId();
        boolean open = !after.isDone();
        String previous = before == null ? null : before.facts().assignedAgentId();
        boolean newlyOpenWithAgent = before == null || before.isDone() || !Objects.equals(previous, agent);
        if (agent != null && open && newlyOpenWithAgent) {
            loads.add(tenantId, agent, after.ticketId());
        }
        if (previous != null && !before.isDone() && !(open && previous.equals(agent))) {
            loads.release(tenantId, previous, after.ticketId());
            return previous;
        }
        return null;
    }

    /** A manual or unconfigured group: the ticket stays in its queue for a person, and nothing is written. */
    private boolean assignsAutomatically(String tenantId, String groupId) {
        return settings.group(tenantId, groupId).map(GroupSettings::automatic).orElse(false);
    }

    private static boolean inGroupWithoutAgent(TicketSnapshot ticket) {
        return !ticket.isDone() && ticket.facts().assignedGroupId() != null && ticket.facts().assignedAgentId() == null;
    }

    private static boolean arrivedInGroup(TicketSnapshot before, TicketSnapshot after) {
        TicketFacts now = after.facts();
        if (after.isDone() || now.assignedGroupId() == null || now.assignedAgentId() != null) {
            return false;
        }
        return before == null || before.isDone() || before.facts().assignedAgentId() != null
                || !Objects.equals(before.facts().assignedGroupId(), now.assignedGroupId());
    }

    private boolean reopenedWithAgentAway(TicketSnapshot before, TicketSnapshot after) {
        String agent = after.facts().assignedAgentId();
        if (before == null || !before.isDone() || after.isDone() || agent == null) {
            return false;
        }
        // an agent this service knows nothing about is left alone: nobody said they are away
        return settings.agent(after.tenantId(), agent)
                .map(settings -> !settings.profile().workingAt(assigning.now())).orElse(false);
    }

    private void sendBackToGroup(TicketStreamEvent event, TicketSnapshot after) {
        Optional<String> group = ticketGroups.lastGroup(after.tenantId(), after.ticketId());
        Optional<GroupSettings> groupSettings = group.flatMap(id -> settings.group(after.tenantId(), id));
        if (groupSettings.isEmpty()) {
            return;
        }
        String reason = GroupSettingsDefinition.WireNames.of(groupSettings.get().assignment().strategy());
        CommandOutcome outcome = commands.send(after.tenantId(), after.ticketId(),
                new TicketCommand.AssignToGroup(group.get()), reason, event.eventId() + ":assign_group");
        if (!outcome.done()) {
            log.warn("ticket-service refused to send reopened ticket {} back to group {}: {} {}", after.ticketId(),
                    group.get(), outcome.status(), outcome.detail());
        }
    }

    private QueuedTicket queued(TicketStreamEvent event, TicketSnapshot after) {
        TicketFacts facts = after.facts();
        Instant slaDue = Optional.ofNullable(slaDueTimes.getIfAvailable())
                .flatMap(sla -> sla.nextDue(after.tenantId(), after.ticketId())).orElse(null);
        Instant createdAt = facts.createdAt() != null ? facts.createdAt() : event.time();
        WaitingTicket order = new WaitingTicket(after.ticketId(), slaDue, PriorityRanks.rank(facts.priority()),
                createdAt);
        return new QueuedTicket(after.tenantId(), facts.assignedGroupId(), event.eventId(), order, facts.language(),
                facts.tags(), assigning.now());
    }
}
