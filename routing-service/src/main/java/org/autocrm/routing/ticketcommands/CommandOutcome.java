package org.autocrm.routing.ticketcommands;

/**
 * What ticket-service answered to a {@link TicketCommand}. A command that could not be delivered at all (ticket-service
 * or the gateway's token endpoint unreachable, a 5xx) is not an outcome: {@link TicketCommands#send} throws
 * {@link TicketServiceUnavailable} so that the event is delivered again and the command retried with the same key.
 *
 * @param detail the problem's detail for a refusal, {@code null} otherwise
 */
public record CommandOutcome(Kind kind, int status, String detail) {

    public enum Kind {
        /** Done now. */
        APPLIED,
        /** Done before: ticket-service replayed the first answer to this idempotency key. */
        REPLAYED,
        /** 409: the ticket moved on (a version conflict, a state the command does not fit); recorded, not retried. */
        CONFLICT,
        /** Any other 4xx (the ticket gone, an agent or group that does not exist, ...): recorded, not retried. */
        REFUSED
    }

    public boolean done() {
        return kind == Kind.APPLIED || kind == Kind.REPLAYED;
    }
}
