package org.autocrm.routing.assignment;

/**
 * One assignment in the making, keyed by the event that asked for it (the ticket's arrival in a group): whoever
 * holds the claim picks and sends; every other replica, and a redelivery of the event, leaves it alone. The command's
 * idempotency key is {@code <eventId>:assign_agent}, so a claim taken over after a crash resends the same command.
 *
 * @param agentId the agent picked, once {@link State#CHOSEN}
 * @param reason  {@code round_robin} or {@code least_loaded}, once chosen
 */
public record Claim(String tenantId, String eventId, String ticketId, String groupId, State state, String agentId,
                    String reason) {

    public enum State {
        /** Someone is picking (or died picking: the lease then runs out and another takes over). */
        PICKING,
        /** An agent is picked and holds the ticket in their load; the command is being sent. */
        CHOSEN,
        /** ticket-service has the assignment. */
        SENT,
        /** Nobody was free: the ticket waits in the group's queue, offered again when capacity frees. */
        WAITING,
        /** Nothing to do (a manual group) or ticket-service refused the assignment; final. */
        SETTLED
    }

    public String idempotencyKey() {
        return eventId + ":assign_agent";
    }
}
