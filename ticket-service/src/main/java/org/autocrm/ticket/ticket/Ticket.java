package org.autocrm.ticket.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketAttachmentAdded;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketEscalated;
import org.autocrm.events.TicketLinked;
import org.autocrm.events.TicketMergeReceived;
import org.autocrm.events.TicketMerged;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketSatisfactionRated;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.events.TicketUnassigned;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's request for help, from the moment it is opened until it is closed. Every command is
 * checked here, by the ticket's own state, its members ({@link TicketDetails}, {@link Conversation})
 * and its policies ({@link Opening}, {@link TicketPermissions},
 * {@link TicketFields}, {@link StatusTransitions}, {@link Assignment}, {@link NewMessage}, {@link Relations},
 * {@link Rating}), before anything happens; the event-sourcing handlers only record. Commands reach it
 * through {@link OpeningTicket} and {@link TicketCommands}.
 */
@Aggregate
public class Ticket {

    @AggregateIdentifier
    private String ticketId;
    private String tenantId;
    private long number;
    private String customerId;
    private TicketStatus status;
    private Assignment assignment = Assignment.NOBODY;
    private int escalationLevel;
    @AggregateMember
    private final TicketDetails details = new TicketDetails();
    @AggregateMember
    private final Conversation conversation = new Conversation();
    private final Set<String> linkedTickets = new LinkedHashSet<>();
    private String mergedInto;

    protected Ticket() {
        // for Axon to rebuild the ticket from its events
    }

    /** Opens a ticket; {@link OpeningTicket} creates it through the repository and reports the number. */
    Ticket(CreateTicket command, TicketNumbers numbers, TicketConfiguration configuration,
           CustomerDirectory customers) {
        Map<String, Object> fields = Opening.check(command, configuration, customers);
        String tenant = command.context().tenantId();
        apply(new TicketCreated(command.ticketId(), tenant, numbers.next(tenant), command.subject().strip(),
                RichText.sanitise(command.description()), command.customerId(), command.priority(),
                StatusTransitions.INITIAL, command.channel().wireName(), command.language(), command.categoryId(),
                TicketFields.normalisedTags(command.tags()), fields, command.followUpOf(), command.context().by(),
                now()));
    }

    // ---- questions the command handlers ask ------------------------------------------------

    long number() {
        return number;
    }

    boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }

    /** A ticket exists only for its own tenant, and there only for those {@link TicketPermissions#maySee} allows. */
    boolean isVisibleTo(CommandContext context) {
        return tenantId.equals(context.tenantId())
                && TicketPermissions.maySee(context.by(), context.byGroups(), customerId, assignment);
    }

    // ---- macros ------------------------------------------------------------------------------

    /** What the macro's placeholders stand for on this ticket, for {@code customer} and the agent applying it. */
    Map<String, String> placeholderValues(CustomerDirectory.CustomerSummary customer, String agentName) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("ticket.id", ticketId);
        values.put("ticket.number", String.valueOf(number));
        values.put("ticket.subject", details.subject());
        values.put("ticket.status", status.name());
        values.put("ticket.priority", details.priority());
        values.put("agent.name", agentName);
        values.put("customer.name", customer == null ? "" : customer.name());
        values.put("customer.email", customer == null || customer.primaryEmail() == null ? "" : customer.primaryEmail());
        values.put("customer.company", customer == null || customer.company() == null ? "" : customer.company());
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    String customerId() {
        return customerId;
    }

    /** The changes the macro's actions make to this ticket as it is now, leaving out what it has already. */
    List<MacroOutcome.MacroChange> macroChanges(ApplyMacro macro) {
        List<MacroOutcome.MacroChange> changes = new java.util.ArrayList<>();
        if (macro.priority() != null && !macro.priority().equals(details.priority())) {
            changes.add(new MacroOutcome.MacroChange("priority", details.priority(), macro.priority()));
        }
        Set<String> current = details.tags();
        TicketFields.normalisedTags(macro.removeTags()).stream().filter(current::contains)
                .forEach(tag -> changes.add(new MacroOutcome.MacroChange("removeTag", null, tag)));
        TicketFields.normalisedTags(macro.addTags()).stream().filter(tag -> !current.contains(tag))
                .forEach(tag -> changes.add(new MacroOutcome.MacroChange("addTag", null, tag)));
        if (macro.agentId() != null && !macro.agentId().equals(assignment.agentId())) {
            changes.add(new MacroOutcome.MacroChange("agent", assignment.agentId(), macro.agentId()));
        }
        if (macro.groupId() != null && !macro.groupId().equals(assignment.groupId())) {
            changes.add(new MacroOutcome.MacroChange("group", assignment.groupId(), macro.groupId()));
        }
        if (macro.status() != null && macro.status() != status) {
            changes.add(new MacroOutcome.MacroChange("status", status.name(), macro.status().name()));
        }
        return changes;
    }

    /** The macro's message, then each action through the command it stands for; the status last, as in bulk changes. */
    void applyMacro(ApplyMacro macro, String body, TicketConfiguration configuration) {
        Actor by = macro.context().by();
        postMessage(new PostMessage(ticketId, macro.context(), macro.messageId(), null, null,
                macro.internalNote() ? Visibility.INTERNAL.wireName() : Visibility.PUBLIC.wireName(), body, null, null));
        if (macro.priority() != null) {
            changePriority(macro.priority(), configuration, by);
        }
        if (macro.addTags() != null || macro.removeTags() != null) {
            retag(macro.addTags(), macro.removeTags(), by);
        }
        if (macro.agentId() != null || macro.groupId() != null) {
            assign(macro.agentId(), macro.groupId(), by);
        }
        if (macro.status() != null) {
            changeStatus(macro.status(), null, macro.resolutionSummary(), configuration, by);
        }
    }

    // ---- editing: each part checked on its own by the details -----------------------------

    void updateDetails(String subject, String description, Actor by) {
        requireOpenForChanges(by, "edit a ticket");
        details.changeText(subject, description, by);
    }

    void changePriority(String newPriority, TicketConfiguration configuration, Actor by) {
        requireOpenForChanges(by, "change the priority");
        details.changePriority(newPriority, configuration, by);
    }

    void changeCategory(String newCategoryId, TicketConfiguration configuration, Actor by) {
        requireOpenForChanges(by, "change the category");
        details.changeCategory(newCategoryId, configuration, by);
    }

    void changeTags(List<String> newTags, Actor by) {
        requireOpenForChanges(by, "change tags");
        details.changeTags(newTags, by);
    }

    /** Adds and removes tags, keeping the others (as a bulk change does to tickets with different tags). */
    void retag(List<String> add, List<String> remove, Actor by) {
        requireOpenForChanges(by, "change tags");
        details.retag(add, remove, by);
    }

    void changeCustomField(String key, Object value, TicketConfiguration configuration, Actor by) {
        requireOpenForChanges(by, "change custom fields");
        details.changeCustomField(key, value, configuration, by);
    }

    // ---- status ------------------------------------------------------------------------------

    void changeStatus(TicketStatus requested, String label, String resolutionSummary,
                      TicketConfiguration configuration, Actor by) {
        requireNotMerged();
        TicketPermissions.requireStaff(by, "change the status of a ticket");
        TicketStatus target = TicketFields.requestedStatus(tenantId, requested, label, configuration);
        StatusTransitions.manual(number, status, target, resolutionSummary).ifPresent(change -> record(change, label,
                change.to() == TicketStatus.RESOLVED ? resolutionSummary.strip() : null, by));
    }

    private void record(StatusTransitions.Change change, String label, String resolutionSummary, Actor by) {
        apply(new TicketStatusChanged(ticketId, tenantId, change.from(), change.to(), label, change.reason().wireName(),
                resolutionSummary, by, now()));
    }

    // ---- assignment ----------------------------------------------------------------------------

    void assign(String agent, String group, Actor by) {
        requireOpenForChanges(by, "assign a ticket");
        assignment.change(agent, group, by).ifPresent(to -> reassign(to, by));
    }

    void unassign(Actor by) {
        requireOpenForChanges(by, "unassign a ticket");
        if (assignment.unassign(by)) {
            apply(new TicketUnassigned(ticketId, tenantId, assignment.agentId(), assignment.groupId(), by, now()));
        }
    }

    void escalate(String toGroup, String reason, Actor by) {
        requireOpenForChanges(by, "escalate a ticket");
        apply(new TicketEscalated(ticketId, tenantId, escalationLevel + 1, toGroup, Assignment.escalationReason(reason),
                by, now()));
        assignment.escalatedTo(toGroup).ifPresent(to -> reassign(to, by));
    }

    private void reassign(Assignment to, Actor by) {
        apply(new TicketAssigned(ticketId, tenantId, to.agentId(), to.groupId(), assignment.agentId(),
                assignment.groupId(), by, now()));
    }

    // ---- conversation --------------------------------------------------------------------------

    void postMessage(PostMessage command) {
        Actor by = command.context().by();
        requireStillWritable();
        NewMessage message = NewMessage.of(command, ticketId);
        apply(new TicketMessageAdded(ticketId, tenantId, command.messageId(), message.threadId(),
                message.placement().threadKind().wireName(), message.placement().visibility().wireName(),
                message.body(), message.mentions(), message.attachmentIds(), by, now()));
        StatusTransitions.afterMessage(status, by).ifPresent(change -> record(change, null, null, by));
    }

    /** Customers attach screenshots to their own tickets as much as agents attach documents. */
    void recordAttachment(RecordAttachment attachment) {
        requireStillWritable();
        apply(new TicketAttachmentAdded(ticketId, tenantId, attachment.attachmentId(), attachment.messageId(),
                attachment.fileName(), attachment.contentType(), attachment.size(), attachment.sha256(),
                attachment.context().by(), now()));
    }

    // ---- merge, link, rate -------------------------------------------------------------------

    /** The source side of a merge: closes this ticket with a pointer; returns what moves to the target. */
    MergeContent mergeInto(String targetTicketId, Actor by) {
        requireOpenForChanges(by, "merge tickets");
        Relations.requireMergeable(ticketId, targetTicketId);
        MergeContent content = conversation.toMerge(ticketId, number);
        apply(new TicketMerged(ticketId, tenantId, targetTicketId, by, now()));
        record(StatusTransitions.mergedAway(status), null, null, by);
        return content;
    }

    /** The target side of a merge: takes over the source's conversation and attachments. */
    void receiveMerge(MergeContent content, Actor by) {
        requireOpenForChanges(by, "merge tickets");
        apply(new TicketMergeReceived(ticketId, tenantId, content.sourceTicketId(), content.sourceNumber(),
                content.messages(), content.attachmentIds(), by, now()));
    }

    void link(String otherTicketId, String relation, Actor by) {
        TicketPermissions.requireStaff(by, "link tickets");
        String recorded = Relations.linkRelation(ticketId, otherTicketId, relation);
        if (!linkedTickets.contains(otherTicketId)) {
            apply(new TicketLinked(ticketId, tenantId, otherTicketId, recorded, by, now()));
        }
    }

    void rate(String scale, int score, String comment, Actor by) {
        Rating.check(by, number, status, scale, score);
        apply(new TicketSatisfactionRated(ticketId, tenantId, scale, score, comment == null ? null : comment.strip(),
                by, now()));
    }

    // ---- rules shared by several commands ----------------------------------------------------

    private void requireOpenForChanges(Actor by, String what) {
        requireNotMerged();
        TicketPermissions.requireStaff(by, what);
        requireNotClosed("is closed and cannot change; open a follow-up ticket instead");
    }

    /** Messages and files may still come in while a ticket is resolved, but not once it is closed or merged. */
    private void requireStillWritable() {
        requireNotMerged();
        requireNotClosed("is closed; open a follow-up ticket instead");
    }

    private void requireNotClosed(String why) {
        if (status == TicketStatus.CLOSED) {
            throw new Refused(TicketRule.TICKET_CLOSED, "Ticket #" + number + " " + why,
                    Map.of("currentStatus", status.name()));
        }
    }

    private void requireNotMerged() {
        if (mergedInto != null) {
            throw new Refused(TicketRule.TICKET_MERGED,
                    "Ticket #" + number + " was merged into ticket " + mergedInto, Map.of("mergedInto", mergedInto));
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // ---- recording what happened -------------------------------------------------------------

    @EventSourcingHandler
    void on(TicketCreated event) {
        ticketId = event.ticketId();
        tenantId = event.tenantId();
        number = event.number();
        customerId = event.customerId();
        status = event.status();
    }

    @EventSourcingHandler
    void on(TicketStatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(TicketAssigned event) {
        assignment = new Assignment(event.agentId(), event.groupId());
    }

    @EventSourcingHandler
    void on(TicketUnassigned event) {
        assignment = Assignment.NOBODY;
    }

    @EventSourcingHandler
    void on(TicketEscalated event) {
        escalationLevel = event.level();
    }

    @EventSourcingHandler
    void on(TicketMerged event) {
        mergedInto = event.targetTicketId();
    }

    @EventSourcingHandler
    void on(TicketLinked event) {
        linkedTickets.add(event.linkedTicketId());
    }
}
