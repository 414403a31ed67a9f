package org.autocrm.routing.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.routing.ticketcommands.TicketServiceUnavailable;

/**
 * ticket-service as routing-service's tests need it, in memory: every command sent is recorded, a key sent again is
 * replayed as ticket-service's {@code Idempotency-Key} does, and a test can make it unreachable for a few calls or
 * refuse a ticket's assignments with 409. The HTTP adapter itself (helper "tokens") and the real round trip are tested
 * elsewhere (ticketcommands.infrastructure, and end to end in deploy).
 */
public class RecordingTicketCommands implements TicketCommands {

    /** One command as sent. */
    public record Sent(String tenantId, String ticketId, TicketCommand command, String reason, String idempotencyKey) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> unreachableFor = new ConcurrentHashMap<>();
    private final Set<String> conflicting = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized CommandOutcome send(String tenantId, String ticketId, TicketCommand command, String reason,
                                            String idempotencyKey) {
        AtomicInteger failures = unreachableFor.get(ticketId);
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new TicketServiceUnavailable("ticket-service answered 503", null);
        }
        sent.add(new Sent(tenantId, ticketId, command, reason, idempotencyKey));
        if (conflicting.contains(ticketId) && (command instanceof TicketCommand.AssignToGroup
                || command instanceof TicketCommand.AssignToAgent)) {
            return new CommandOutcome(CommandOutcome.Kind.CONFLICT, 409, "Ticket is closed: it cannot be assigned");
        }
        return applied.add(tenantId + "/" + idempotencyKey) ? new CommandOutcome(CommandOutcome.Kind.APPLIED, 200, null)
                : new CommandOutcome(CommandOutcome.Kind.REPLAYED, 200, null);
    }

    /** What was sent for a ticket, in order. */
    public synchronized List<Sent> sentFor(String ticketId) {
        return sent.stream().filter(s -> s.ticketId().equals(ticketId)).toList();
    }

    /** The next {@code times} commands for the ticket fail as if ticket-service could not be reached. */
    public void unreachableFor(String ticketId, int times) {
        unreachableFor.put(ticketId, new AtomicInteger(times));
    }

    /** Assignments of the ticket are refused with 409. */
    public void refuseAssignments(String ticketId) {
        conflicting.add(ticketId);
    }
}
