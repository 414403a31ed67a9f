package org.autocrm.routing.sla.tracking;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;

/**
 * Ticket-service as far as these tests need it: every command the SLA sends, kept in order. Applies each key once
 * and replays it after, as ticket-service does with an Idempotency-Key.
 */
class RecordingTicketCommands implements TicketCommands {

    record Sent(String tenantId, String ticketId, TicketCommand command, String reason, String idempotencyKey) {
    }

    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    @Override
    public CommandOutcome send(String tenantId, String ticketId, TicketCommand command, String reason,
                               String idempotencyKey) {
        boolean seen = sent.stream().anyMatch(s -> s.idempotencyKey().equals(idempotencyKey));
        sent.add(new Sent(tenantId, ticketId, command, reason, idempotencyKey));
        return new CommandOutcome(seen ? CommandOutcome.Kind.REPLAYED : CommandOutcome.Kind.APPLIED, 200, null);
    }

    List<Sent> to(String ticketId) {
        return sent.stream().filter(s -> s.ticketId().equals(ticketId)).toList();
    }
}
