package org.autocrm.routing.decisions;

import java.util.List;

/** Where every run of the rules is kept (MongoDB {@code routing_decisions} in {@code infrastructure}). */
public interface DecisionLog {

    /** Whether the rules already ran on this event (its commands were sent and the run kept). */
    boolean hasRun(String tenantId, String eventId);

    /** Keeps the run; a second run on the same event (tenant and event id) replaces the first, never adds to it. */
    void record(RecordedDecision decision);

    /**
     * A ticket's runs, newest (highest event sequence) first.
     *
     * @param beforeSequence only runs on events before this sequence; null for the newest
     */
    List<RecordedDecision> forTicket(String tenantId, String ticketId, Long beforeSequence, int limit);
}
