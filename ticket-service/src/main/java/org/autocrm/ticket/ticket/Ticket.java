package org.autocrm.ticket.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Map;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A customer's request for help, from the moment it is opened. */
@Aggregate
public class Ticket {

    @AggregateIdentifier
    private String ticketId;
    private String tenantId;
    private long number;
    private TicketStatus status;
    private String priority;

    protected Ticket() {
        // for Axon to rebuild the ticket from its events
    }

    /** Opens a ticket; called by {@link OpeningTicket} through the repository so the new number can be returned. */
    Ticket(CreateTicket command, TicketNumbers numbers) {
        if (command.subject() == null || command.subject().isBlank()) {
            throw new TicketRuleViolation(TicketRule.SUBJECT_REQUIRED, "subject is required: a ticket needs a subject");
        }
        if (command.customerId() == null || command.customerId().isBlank()) {
            throw new TicketRuleViolation(TicketRule.CUSTOMER_REQUIRED, "customerId is required: a ticket always belongs to one customer");
        }
        if (!TicketPriorities.isKnown(command.priority())) {
            throw new TicketRuleViolation(TicketRule.UNKNOWN_PRIORITY,
                    "priority must be one of " + TicketPriorities.DEFAULTS + ", not '" + command.priority() + "'");
        }
        apply(new TicketCreated(
                command.ticketId(),
                command.tenantId(),
                numbers.next(command.tenantId()),
                command.subject().strip(),
                command.description() == null ? "" : command.description(),
                command.customerId(),
                command.priority(),
                TicketStatus.OPEN,
                command.channel().wireName(),
                null,
                null,
                List.of(),
                Map.of(),
                null,
                command.requestedBy(),
                GenericEventMessage.clock.instant()));
    }

    long number() {
        return number;
    }

    @EventSourcingHandler
    void on(TicketCreated event) {
        ticketId = event.ticketId();
        tenantId = event.tenantId();
        number = event.number();
        status = event.status();
        priority = event.priority();
    }
}
