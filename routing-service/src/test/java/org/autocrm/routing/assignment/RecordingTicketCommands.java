package org.autocrm.routing.assignment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.autocrm.routing.ticketcommands.CommandOutcome;
import org.autocrm.routing.ticketcommands.TicketCommand;
import org.autocrm.routing.ticketcommands.TicketCommands;
import org.autocrm.routing.ticketcommands.TicketServiceUnavailable;

/**
 * The test stand-in for ticket-service behind the {@link TicketCommands} port (the HTTP adapter is tested on its
 * own): records every command it applies and, as ticket-service does with an Idempotency-Key, applies a key once and
 * replays the first answer to it. It can be made unreachable.
 */
public class RecordingTicketCommands implements TicketCommands {

    public record Sent(String tenantId, String ticketId, TicketCommand command, String reason, String key) {
    }

    private final List<Sent> applied = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> keys = new ConcurrentHashMap<>();
    private final AtomicBoolean unreachable = new AtomicBoolean();

    @Override
    public CommandOutcome send(String tenantId, String ticketId, TicketCommand command, String reason,
            String idempotencyKey) {
        if (unreachable.get()) {
            throw new TicketServiceUnavailable("ticket-service is down (test)", null);
        }
        if (keys.putIfAbsent(tenantId + "|" + idempotencyKey, Boolean.TRUE) != null) {
            return new CommandOutcome(CommandOutcome.Kind.REPLAYED, 200, null);
        }
        applied.add(new Sent(tenantId, ticketId, command, reason, idempotencyKey));
        return new CommandOutcome(CommandOutcome.Kind.APPLIED, 200, null);
    }

    /** The commands applied in a tenant, in order (replays left out). */
    public List<Sent> applied(String tenantId) {
        return applied.stream().filter(sent -> sent.tenantId().equals(tenantId)).toList();
    }

    public void unreachable(boolean down) {
        unreachable.set(down);
    }
}
