package org.autocrm.routing.decisions;

import java.util.ArrayList;
import java.util.List;
import org.autocrm.routing.tickets.TicketReaction;
import org.autocrm.routing.tickets.TicketSnapshot;
import org.autocrm.routing.tickets.TicketStreamEvent;
import org.springframework.core.Ordered;

/** A reaction after all others that notes each call: which event, and the sequences before and after it. */
public class RecordingReaction implements TicketReaction, Ordered {

    /** One call: the event and its before/after snapshots' sequences ({@code -1} for no snapshot before). */
    public record Call(String ticketId, String eventId, long before, long after, TicketSnapshot snapshot) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized void react(TicketStreamEvent event, TicketSnapshot before, TicketSnapshot after) {
        calls.add(new Call(event.ticketId(), event.eventId(), before == null ? -1 : before.sequence(),
                after.sequence(), after));
    }

    public synchronized List<Call> callsFor(String ticketId) {
        return calls.stream().filter(call -> call.ticketId().equals(ticketId)).toList();
    }

    @Override
    public int getOrder() {
        return 1000;
    }
}
