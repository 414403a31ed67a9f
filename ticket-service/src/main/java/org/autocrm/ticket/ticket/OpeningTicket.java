package org.autocrm.ticket.ticket;

import java.util.Map;
import java.util.Optional;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Handles {@link CreateTicket}: creates the aggregate and reports the number it was given. A
 * repeated Idempotency-Key returns the ticket the first request opened.
 */
@Component
public class OpeningTicket {

    private final Repository<Ticket> tickets;
    private final TicketNumbers numbers;
    private final TicketConfiguration configuration;
    private final CustomerDirectory customers;
    private final IdempotentRequests idempotentRequests;

    public OpeningTicket(@Qualifier("ticketRepository") Repository<Ticket> tickets, TicketNumbers numbers,
                         TicketConfiguration configuration, CustomerDirectory customers,
                         IdempotentRequests idempotentRequests) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.configuration = configuration;
        this.customers = customers;
        this.idempotentRequests = idempotentRequests;
    }

    @CommandHandler
    public OpenedTicket handle(CreateTicket command) throws Exception {
        if (command.idempotencyKey() != null) {
            Optional<IdempotentRequests.Claim> earlier = idempotentRequests.claim(command.context().tenantId(),
                    command.idempotencyKey(), fingerprint(command), command.ticketId());
            if (earlier.isPresent()) {
                return firstResult(command, earlier.get());
            }
        }
        if (command.followUpOf() != null) {
            requireClosedTicketToFollowUp(command);
        }
        Aggregate<Ticket> ticket = tickets.newInstance(() -> new Ticket(command, numbers, configuration, customers));
        return new OpenedTicket(command.ticketId(), ticket.invoke(Ticket::number), ticket.version(), false);
    }

    /** A closed ticket is final; its conversation continues in a new ticket that follows it up. */
    private void requireClosedTicketToFollowUp(CreateTicket command) {
        Aggregate<Ticket> earlier;
        try {
            earlier = tickets.load(command.followUpOf());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            earlier = null;
        }
        if (earlier == null || !earlier.invoke(t -> t.isVisibleTo(command.context()))) {
            throw new Refused(TicketRule.UNKNOWN_TICKET,
                    "followUpOf '" + command.followUpOf() + "' is not a ticket of this organisation",
                    Map.of("field", "followUpOf"));
        }
        if (!earlier.invoke(Ticket::isClosed)) {
            throw new Refused(TicketRule.NOT_CLOSED_YET,
                    "followUpOf must be a closed ticket; an open one takes new messages itself");
        }
    }

    private OpenedTicket firstResult(CreateTicket command, IdempotentRequests.Claim claim) {
        if (!claim.fingerprint().equals(fingerprint(command))) {
            throw new Refused(TicketRule.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + command.idempotencyKey() + "' was already used for a different request",
                    Map.of("ticketId", claim.ticketId()));
        }
        Aggregate<Ticket> first = tickets.load(claim.ticketId());
        return new OpenedTicket(claim.ticketId(), first.invoke(Ticket::number), 0, true);
    }

    /** Everything the client asked for; ids and times the server chose are left out. */
    static String fingerprint(CreateTicket command) {
        return Integer.toHexString(java.util.Objects.hash(command.subject(), command.description(),
                command.customerId(), command.priority(), command.channel(), command.language(), command.categoryId(),
                command.tags(), command.customFields(), command.followUpOf(), command.context().by()));
    }
}
