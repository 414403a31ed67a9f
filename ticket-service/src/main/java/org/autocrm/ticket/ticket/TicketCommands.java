package org.autocrm.ticket.ticket;

import java.util.Map;
import java.util.function.Consumer;
import org.autocrm.events.Actor;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Handles every command to an existing ticket the same way: load it for the caller's tenant (a
 * ticket of another tenant, or of another customer, does not exist for them), check the caller's
 * If-Match version, let the ticket decide, and answer with the new version.
 */
@Component
public class TicketCommands {

    private final Repository<Ticket> tickets;
    private final TicketConfiguration configuration;
    private final CustomerDirectory customers;

    public TicketCommands(@Qualifier("ticketRepository") Repository<Ticket> tickets,
                          TicketConfiguration configuration, CustomerDirectory customers) {
        this.tickets = tickets;
        this.configuration = configuration;
        this.customers = customers;
    }

    @CommandHandler
    public TicketChange handle(UpdateTicket command) {
        Actor by = command.context().by();
        return change(command, ticket -> {
            if (command.subject() != null || command.description() != null) {
                ticket.updateDetails(command.subject(), command.description(), by);
            }
            if (command.priority() != null) {
                ticket.changePriority(command.priority(), configuration, by);
            }
            if (command.categoryId() != null) {
                ticket.changeCategory(command.categoryId(), configuration, by);
            }
            if (command.tags() != null) {
                ticket.changeTags(command.tags(), by);
            }
            if (command.customFields() != null) {
                command.customFields().forEach((key, value) -> ticket.changeCustomField(key, value, configuration, by));
            }
        });
    }

    @CommandHandler
    public TicketChange handle(ChangeTicketStatus command) {
        return change(command, ticket -> ticket.changeStatus(command.status(), command.statusLabel(),
                command.resolutionSummary(), configuration, command.context().by()));
    }

    @CommandHandler
    public TicketChange handle(AssignTicket command) {
        return change(command, ticket -> ticket.assign(command.agentId(), command.groupId(), command.context().by()));
    }

    @CommandHandler
    public TicketChange handle(UnassignTicket command) {
        return change(command, ticket -> ticket.unassign(command.context().by()));
    }

    @CommandHandler
    public TicketChange handle(EscalateTicket command) {
        return change(command, ticket -> ticket.escalate(command.groupId(), command.reason(), command.context().by()));
    }

    /** All of one ticket's share of a bulk change in one decision: the ticket takes every part or none. */
    @CommandHandler
    public TicketChange handle(ApplyBulkChange command) {
        Actor by = command.context().by();
        return change(command, ticket -> {
            if (command.priority() != null) {
                ticket.changePriority(command.priority(), configuration, by);
            }
            if (command.addTags() != null || command.removeTags() != null) {
                ticket.retag(command.addTags(), command.removeTags(), by);
            }
            if (command.agentId() != null || command.groupId() != null) {
                ticket.assign(command.agentId(), command.groupId(), by);
            }
            if (command.status() != null || command.statusLabel() != null) {
                ticket.changeStatus(command.status(), command.statusLabel(), command.resolutionSummary(), configuration, by);
            }
        });
    }

    /** A macro's message and actions in one decision; previewed, the same plan without a decision. */
    @CommandHandler
    public MacroOutcome handle(ApplyMacro command) {
        Aggregate<Ticket> ticket = load(command);
        String tenant = command.context().tenantId();
        String body = ticket.invoke(t -> MacroText.fill(command.bodyTemplate(),
                t.placeholderValues(customers.find(tenant, t.customerId()).orElse(null), command.agentName())));
        java.util.List<MacroOutcome.MacroChange> changes = ticket.invoke(t -> t.macroChanges(command));
        String visibility = command.internalNote() ? Visibility.INTERNAL.wireName() : Visibility.PUBLIC.wireName();
        if (command.preview()) {
            return new MacroOutcome(command.ticketId(), ticket.version(), false, null, body, visibility, changes);
        }
        ticket.execute(t -> t.applyMacro(command, body, configuration));
        return new MacroOutcome(command.ticketId(), ticket.version(), true, command.messageId(), body, visibility,
                changes);
    }

    @CommandHandler
    public TicketChange handle(PostMessage command) {
        return change(command, ticket -> ticket.postMessage(command));
    }

    @CommandHandler
    public TicketChange handle(RecordAttachment command) {
        return change(command, ticket -> ticket.recordAttachment(command));
    }

    @CommandHandler
    public TicketChange handle(LinkTickets command) {
        Aggregate<Ticket> other = loadOther(command, command.linkedTicketId(), "linkedTicketId");
        TicketChange change = change(command, ticket -> ticket.link(command.linkedTicketId(), command.relation(),
                command.context().by()));
        other.execute(ticket -> ticket.link(command.ticketId(), command.relation(), command.context().by()));
        return change;
    }

    /** Both tickets change in one transaction: the duplicate is closed exactly when the target receives it. */
    @CommandHandler
    public TicketChange handle(MergeTicket command) {
        Aggregate<Ticket> target = loadOther(command, command.targetTicketId(), "targetTicketId");
        MergeContent[] moved = new MergeContent[1];
        TicketChange change = change(command, ticket -> moved[0] = ticket.mergeInto(command.targetTicketId(),
                command.context().by()));
        target.execute(ticket -> ticket.receiveMerge(moved[0], command.context().by()));
        return change;
    }

    @CommandHandler
    public TicketChange handle(RateTicket command) {
        return change(command, ticket -> ticket.rate(command.scale(), command.score(), command.comment(),
                command.context().by()));
    }

    private TicketChange change(TicketCommand command, Consumer<Ticket> decision) {
        Aggregate<Ticket> ticket = load(command);
        ticket.execute(decision);
        return new TicketChange(command.ticketId(), ticket.version());
    }

    private Aggregate<Ticket> load(TicketCommand command) {
        Aggregate<Ticket> ticket = loadVisible(command, command.ticketId());
        if (ticket == null) {
            throw new Refused(TicketRule.TICKET_NOT_FOUND, "There is no ticket " + command.ticketId());
        }
        Long expected = command.context().expectedVersion();
        if (expected != null && !expected.equals(ticket.version())) {
            throw staleVersion(command.ticketId(), expected, ticket.version());
        }
        return ticket;
    }

    /** The caller's If-Match version is not the ticket's current version: someone else changed it first. */
    private static Refused staleVersion(String ticketId, long expected, long current) {
        return Refused.atVersion(TicketRule.STALE_VERSION, "Ticket " + ticketId + " is at version " + current
                        + ", not " + expected + "; reload it and apply your change again",
                Map.of("currentVersion", current, "expectedVersion", expected), current);
    }

    private Aggregate<Ticket> loadOther(TicketCommand command, String otherId, String field) {
        Aggregate<Ticket> other = otherId == null ? null : loadVisible(command, otherId);
        if (other == null) {
            throw new Refused(TicketRule.UNKNOWN_TICKET,
                    field + " '" + otherId + "' is not a ticket of this organisation", Map.of("field", field));
        }
        return other;
    }

    private Aggregate<Ticket> loadVisible(TicketCommand command, String id) {
        try {
            Aggregate<Ticket> ticket = tickets.load(id);
            return ticket.invoke(t -> t.isVisibleTo(command.context())) ? ticket : null;
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // no such ticket, or the id of a customer or another kind of aggregate
            return null;
        }
    }
}
