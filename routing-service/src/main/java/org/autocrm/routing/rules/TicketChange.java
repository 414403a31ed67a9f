package org.autocrm.routing.rules;

/**
 * One change of a ticket that rules may react to, from one event of the ticket stream.
 *
 * @param eventId  the event's id; with an action's key it makes each resulting command's idempotency key, so a
 *                 redelivered event yields the same commands and ticket-service applies them once
 * @param causedBy the rules whose actions led to this change
 */
public record TicketChange(String eventId, Trigger trigger, CausedBy causedBy) {

    public TicketChange {
        causedBy = causedBy == null ? CausedBy.noRule() : causedBy;
    }

    public static TicketChange byPerson(String eventId, Trigger trigger) {
        return new TicketChange(eventId, trigger, CausedBy.noRule());
    }
}
