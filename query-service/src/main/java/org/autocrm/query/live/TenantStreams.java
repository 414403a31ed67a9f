package org.autocrm.query.live;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tenant's open streams and the latest ticket events of that tenant this replica has read, for clients that
 * resume. Everything here is used under the object's own lock (one tenant's changes and registrations are thus
 * seen in one order).
 *
 * <p>{@code kept} says from where on the buffer holds every event of the tenant, per partition: an event dropped
 * from the buffer moves it past that event; before its first drop, it is where this replica started reading.
 */
final class TenantStreams {

    private final Deque<TicketChange> buffer = new ArrayDeque<>();
    private final Map<Integer, Long> keptFrom = new HashMap<>();
    final Set<Subscription> subscribers = new LinkedHashSet<>();

    void add(TicketChange change, int limit) {
        buffer.add(change);
        while (buffer.size() > limit) {
            drop(buffer.poll());
        }
    }

    void dropOlderThan(Instant oldest) {
        while (!buffer.isEmpty() && buffer.peek().receivedAt().isBefore(oldest)) {
            drop(buffer.poll());
        }
    }

    /**
     * Whether the buffer holds every event of the tenant after {@code position}.
     *
     * @param started where this replica started reading each partition
     */
    boolean holdsAllAfter(Position position, Map<Integer, Long> started) {
        for (Map.Entry<Integer, Long> partition : started.entrySet()) {
            long kept = Math.max(partition.getValue(), keptFrom.getOrDefault(partition.getKey(), 0L));
            if (position.of(partition.getKey()) < kept) {
                return false;
            }
        }
        return true;
    }

    /** The buffered events at or after the position, in the order they were read. */
    List<TicketChange> after(Position position) {
        return buffer.stream().filter(change -> change.offset() >= position.of(change.partition())).toList();
    }

    long streamsOf(String userId) {
        return subscribers.stream().filter(s -> s.caller.userId().equals(userId)).count();
    }

    private void drop(TicketChange change) {
        keptFrom.merge(change.partition(), change.offset() + 1, Math::max);
    }
}
