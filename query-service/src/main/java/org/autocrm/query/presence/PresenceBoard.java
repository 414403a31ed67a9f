package org.autocrm.query.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.query.live.StreamEvents;

/**
 * Who is on which ticket, as this replica has read it from the presence topic (every replica reads all of it, in
 * the same order per ticket, so every replica's board says the same). A presence holds until its {@code expiresAt}
 * unless refreshed, and ends at once when its holder leaves. One lock for all: presence changes are few.
 */
final class PresenceBoard {

    /** Each ticket's board: user id to their presence. */
    private final Map<Ticket, Map<String, Entry>> tickets = new HashMap<>();

    private record Ticket(String tenantId, String ticketId) {
    }

    private record Entry(String name, String state, Instant since, Instant expiresAt) {
    }

    /** A change the board made, to be told on the stream. */
    record Change(String tenantId, String ticketId, StreamEvents.PresenceChanged event) {
    }

    /** Applies a record; says what changed (a refresh of the same state changes nothing anyone is told). */
    synchronized Optional<Change> apply(PresenceRecord record, Instant now) {
        Ticket ticket = new Ticket(record.tenantId(), record.ticketId());
        if (PresenceRecord.LEFT.equals(record.state())) {
            Map<String, Entry> board = tickets.getOrDefault(ticket, Map.of());
            Entry before = board.isEmpty() ? null : board.remove(record.userId());
            if (board.isEmpty()) {
                tickets.remove(ticket);
            }
            return before == null ? Optional.empty()
                    : Optional.of(change(record, before.name(), PresenceRecord.LEFT, record.at()));
        }
        if (!record.expiresAt().isAfter(now)) {
            return Optional.empty(); // read again at the start, long gone
        }
        Map<String, Entry> board = tickets.computeIfAbsent(ticket, key -> new HashMap<>());
        Entry before = board.get(record.userId());
        boolean same = before != null && before.state().equals(record.state());
        Instant since = same ? before.since() : record.at();
        board.put(record.userId(), new Entry(record.name(), record.state(), since, record.expiresAt()));
        return same ? Optional.empty() : Optional.of(change(record, record.name(), record.state(), since));
    }

    /** Those on the ticket now, longest there first. */
    synchronized List<Presence> on(String tenantId, String ticketId, Instant now) {
        Map<String, Entry> board = tickets.get(new Ticket(tenantId, ticketId));
        if (board == null) {
            return List.of();
        }
        List<Presence> present = new ArrayList<>();
        board.forEach((userId, entry) -> {
            if (entry.expiresAt().isAfter(now)) {
                present.add(new Presence(userId, entry.name(), entry.state(), entry.since()));
            }
        });
        present.sort(Comparator.comparing(Presence::since).thenComparing(Presence::userId));
        return present;
    }

    /** Ends the presences not refreshed in time; says who left. */
    synchronized List<Change> expire(Instant now) {
        List<Change> left = new ArrayList<>();
        for (Iterator<Map.Entry<Ticket, Map<String, Entry>>> it = tickets.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Ticket, Map<String, Entry>> ticket = it.next();
            ticket.getValue().entrySet().removeIf(user -> {
                if (user.getValue().expiresAt().isAfter(now)) {
                    return false;
                }
                left.add(new Change(ticket.getKey().tenantId(), ticket.getKey().ticketId(),
                        new StreamEvents.PresenceChanged(ticket.getKey().ticketId(), user.getKey(),
                                user.getValue().name(), PresenceRecord.LEFT, user.getValue().expiresAt())));
                return true;
            });
            if (ticket.getValue().isEmpty()) {
                it.remove();
            }
        }
        return left;
    }

    private static Change change(PresenceRecord record, String name, String state, Instant since) {
        return new Change(record.tenantId(), record.ticketId(),
                new StreamEvents.PresenceChanged(record.ticketId(), record.userId(), name, state, since));
    }
}
