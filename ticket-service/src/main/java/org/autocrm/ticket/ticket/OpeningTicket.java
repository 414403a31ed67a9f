package org.autocrm.ticket.ticket;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Handles {@link CreateTicket}: creates the aggregate and reports the number it was given. */
@Component
public class OpeningTicket {

    private final Repository<Ticket> tickets;
    private final TicketNumbers numbers;

    public OpeningTicket(@Qualifier("ticketRepository") Repository<Ticket> tickets, TicketNumbers numbers) {
        this.tickets = tickets;
        this.numbers = numbers;
    }

    @CommandHandler
    public OpenedTicket handle(CreateTicket command) throws Exception {
        Aggregate<Ticket> ticket = tickets.newInstance(() -> new Ticket(command, numbers));
        return new OpenedTicket(command.ticketId(), ticket.invoke(Ticket::number), ticket.version());
    }
}
