package org.autocrm.routing.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.routing.ticketcommands.TicketServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Carries one claimed assignment through: by the group's strategy, picks an agent ({@link PickingAgents}) and sends
 * {@code AssignToAgent} with the strategy as the reason and the claim's idempotency key, or puts the ticket in the
 * group's queue when nobody is free. Used for a ticket arriving in a group and for a waiting ticket offered again.
 */
@Component
public class AssigningInGroup {

    /** How long a claim's holder may take before another replica may carry on with it. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(AssigningInGroup.class);

    private final AssignmentSettingsStore settings;
    private final PickingAgents picking;
    private final AssignmentClaims claims;
    private final AgentLoads loads;
    private final WaitingQueue queue;
    /** Resolved on first use: the settings API needs no ticket-service client configured. */
    private final TicketCommands commands;
    private final Clock clock;

    public AssigningInGroup(AssignmentSettingsStore settings, PickingAgents picking, AssignmentClaims claims,
            AgentLoads loads, WaitingQueue queue, @Lazy TicketCommands commands, Clock clock) {
        this.settings = settings;
        this.picking = picking;
        this.claims = claims;
        this.loads = loads;
        this.queue = queue;
        this.commands = commands;
        this.clock = clock;
    }

    /** What became of the ticket. */
    public sealed interface Outcome {
        record Assigned(String agentId) implements Outcome {
        }

        record Waiting(AssignmentChoice.NobodyAvailable why) implements Outcome {
        }

        /** A manual group, or ticket-service refused the assignment. */
        record NotAssigned(String why) implements Outcome {
        }
    }

    Instant leaseFromNow() {
        return clock.instant().plus(LEASE);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * @throws TicketServiceUnavailable when the command could not be delivered; the ticket then waits in the queue
     *                                  and is offered again by the next pass
     */
    public Outcome carryOut(Claim claim, QueuedTicket ticket) {
        if (claim.state() == Claim.State.CHOSEN && claim.agentId() != null) {
            return send(claim, ticket, claim.agentId(), claim.reason());
        }
        GroupSettings group = settings.group(claim.tenantId(), claim.groupId())
                .orElseGet(() -> GroupSettings.unconfigured(claim.tenantId(), claim.groupId()));
        if (!group.automatic()) {
            queue.remove(claim.tenantId(), claim.ticketId());
            claims.moveTo(claim.tenantId(), claim.eventId(), Claim.State.SETTLED);
            return new Outcome.NotAssigned("group " + claim.groupId() + " assigns by hand");
        }
        AssignmentChoice choice;
        try {
            choice = picking.pick(group, ticket, clock.instant());
        } catch (RuntimeException e) {
            // the store failed or every attempt lost a race: whoever retries may carry on at once
            claims.releaseLease(claim.tenantId(), claim.eventId());
            throw e;
        }
        if (choice instanceof AssignmentChoice.NobodyAvailable nobody) {
            queue.enqueue(ticket);
            claims.moveTo(claim.tenantId(), claim.eventId(), Claim.State.WAITING);
            return new Outcome.Waiting(nobody);
        }
        AssignmentChoice.Chosen chosen = (AssignmentChoice.Chosen) choice;
        claims.chosen(claim.tenantId(), claim.eventId(), chosen.agentId(), chosen.reason());
        return send(claim, ticket, chosen.agentId(), chosen.reason());
    }

    private Outcome send(Claim claim, QueuedTicket ticket, String agentId, String reason) {
        CommandOutcome outcome;
        try {
            outcome = commands.send(claim.tenantId(), claim.ticketId(), new TicketCommand.AssignToAgent(agentId),
                    reason, claim.idempotencyKey());
        } catch (TicketServiceUnavailable e) {
            // not delivered: the agent's reservation is undone and the ticket waits, offered again by the next pass
            loads.release(claim.tenantId(), agentId, claim.ticketId());
            queue.enqueue(ticket);
            claims.moveTo(claim.tenantId(), claim.eventId(), Claim.State.WAITING);
            throw e;
        }
        queue.remove(claim.tenantId(), claim.ticketId());
        if (outcome.done()) {
            claims.moveTo(claim.tenantId(), claim.eventId(), Claim.State.SENT);
            return new Outcome.Assigned(agentId);
        }
        loads.release(claim.tenantId(), agentId, claim.ticketId());
        claims.moveTo(claim.tenantId(), claim.eventId(), Claim.State.SETTLED);
        log.warn("ticket-service refused to assign ticket {} of tenant {} to agent {} ({} {}): {}", claim.ticketId(),
                claim.tenantId(), agentId, outcome.kind(), outcome.status(), outcome.detail());
        return new Outcome.NotAssigned("ticket-service answered " + outcome.status() + ": " + outcome.detail());
    }
}
