package org.autocrm.ticket.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.events.MergedMessage;
import org.autocrm.events.TicketAssigned;
import org.autocrm.events.TicketAttachmentAdded;
import org.autocrm.events.TicketCategoryChanged;
import org.autocrm.events.TicketCreated;
import org.autocrm.events.TicketCustomFieldChanged;
import org.autocrm.events.TicketDetailsChanged;
import org.autocrm.events.TicketEscalated;
import org.autocrm.events.TicketLinked;
import org.autocrm.events.TicketMergeReceived;
import org.autocrm.events.TicketMerged;
import org.autocrm.events.TicketMessageAdded;
import org.autocrm.events.TicketPriorityChanged;
import org.autocrm.events.TicketSatisfactionRated;
import org.autocrm.events.TicketStatus;
import org.autocrm.events.TicketStatusChanged;
import org.autocrm.events.TicketTagsChanged;
import org.autocrm.events.TicketUnassigned;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's request for help, from the moment it is opened until it is closed. Every rule of
 * the ticket is checked here before anything happens; the event-sourcing handlers only record.
 * Commands reach it through {@link OpeningTicket} and {@link TicketCommands}.
 */
@Aggregate
public class Ticket {

    @AggregateIdentifier
    private String ticketId;
    private String tenantId;
    private long number;
    private String customerId;
    private String subject;
    private String description;
    private TicketStatus status;
    private String priority;
    private String agentId;
    private String groupId;
    private int escalationLevel;
    private String categoryId;
    private final Set<String> tags = new LinkedHashSet<>();
    private final Map<String, Object> customFields = new LinkedHashMap<>();
    private final List<MergedMessage> conversation = new ArrayList<>();
    private final List<String> attachmentIds = new ArrayList<>();
    private final Set<String> linkedTickets = new LinkedHashSet<>();
    private String mergedInto;

    protected Ticket() {
        // for Axon to rebuild the ticket from its events
    }

    /** Opens a ticket; {@link OpeningTicket} creates it through the repository and reports the number. */
    Ticket(CreateTicket command, TicketNumbers numbers, TicketConfiguration configuration,
           CustomerDirectory customers) {
        String tenant = command.context().tenantId();
        Actor by = command.context().by();
        if (command.subject() == null || command.subject().isBlank()) {
            throw new Refused(TicketRule.SUBJECT_REQUIRED, "subject is required: a ticket needs a subject");
        }
        if (command.customerId() == null || command.customerId().isBlank()) {
            throw new Refused(TicketRule.CUSTOMER_REQUIRED,
                    "customerId is required: a ticket always belongs to one customer");
        }
        if (TicketPermissions.isCustomer(by) && !by.userId().equals(command.customerId())) {
            throw TicketPermissions.notPermitted(by, "open a ticket for someone else");
        }
        if (customers.find(tenant, command.customerId()).isEmpty()) {
            throw new Refused(TicketRule.UNKNOWN_CUSTOMER,
                    "customerId '" + command.customerId() + "' is not a customer of this organisation");
        }
        TicketFields.requireKnownPriority(tenant, command.priority(), configuration);
        if (command.categoryId() != null) {
            TicketFields.requireSelectableCategory(tenant, command.categoryId(), configuration);
        }
        Map<String, Object> fields = CustomFieldValues.forNewTicket(command.customFields(),
                configuration.customFields(tenant), by);
        apply(new TicketCreated(
                command.ticketId(),
                tenant,
                numbers.next(tenant),
                command.subject().strip(),
                RichText.sanitise(command.description()),
                command.customerId(),
                command.priority(),
                StatusTransitions.INITIAL,
                command.channel().wireName(),
                command.language(),
                command.categoryId(),
                TicketFields.normalisedTags(command.tags()),
                fields,
                command.followUpOf(),
                by,
                now()));
    }

    // ---- questions the command handlers ask ------------------------------------------------

    long number() {
        return number;
    }

    String tenantId() {
        return tenantId;
    }

    boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }

    /**
     * A ticket exists only for its own tenant; for a customer only if it is theirs; for an agent
     * only if it is assigned to them, to one of their groups, or to nobody (docs/permissions.md).
     */
    boolean isVisibleTo(CommandContext context) {
        Actor actor = context.by();
        Set<String> actorGroups = context.byGroups();
        if (!tenantId.equals(context.tenantId())) {
            return false;
        }
        if (TicketPermissions.isCustomer(actor)) {
            return actor.userId().equals(customerId);
        }
        if (TicketPermissions.isAgent(actor)) {
            return actor.userId().equals(agentId)
                    || groupId != null && actorGroups != null && actorGroups.contains(groupId)
                    || agentId == null && groupId == null;
        }
        return true;
    }

    // ---- editing ---------------------------------------------------------------------------

    void updateDetails(String subject, String description, Actor by) {
        requireOpenForChanges(by, "edit a ticket");
        if (subject != null && subject.isBlank()) {
            throw new Refused(TicketRule.SUBJECT_REQUIRED, "subject cannot be blank");
        }
        String newSubject = subject == null ? this.subject : subject.strip();
        String newDescription = description == null ? this.description : RichText.sanitise(description);
        if (!newSubject.equals(this.subject) || !newDescription.equals(this.description)) {
            apply(new TicketDetailsChanged(ticketId, tenantId, newSubject, newDescription, by, now()));
        }
    }

    void changePriority(String newPriority, TicketConfiguration configuration, Actor by) {
        requireOpenForChanges(by, "change the priority");
        TicketPermissions.requireLead(by, "change the priority of a ticket");
        TicketFields.requireKnownPriority(tenantId, newPriority, configuration);
        if (!newPriority.equals(priority)) {
            apply(new TicketPriorityChanged(ticketId, tenantId, priority, newPriority, by, now()));
        }
    }

    void changeCategory(String newCategoryId, TicketConfiguration configuration, Actor by) {
        requireOpenForChanges(by, "change the category");
        TicketFields.requireSelectableCategory(tenantId, newCategoryId, configuration);
        if (!newCategoryId.equals(categoryId)) {
            apply(new TicketCategoryChanged(ticketId, tenantId, categoryId, newCategoryId, by, now()));
        }
    }

    void changeTags(List<String> newTags, Actor by) {
        requireOpenForChanges(by, "change tags");
        List<String> wanted = TicketFields.normalisedTags(newTags);
        List<String> added = wanted.stream().filter(tag -> !tags.contains(tag)).toList();
        List<String> removed = tags.stream().filter(tag -> !wanted.contains(tag)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            apply(new TicketTagsChanged(ticketId, tenantId, added, removed, wanted, by, now()));
        }
    }

    void changeCustomField(String key, Object value, TicketConfiguration configuration, Actor by) {
        requireOpenForChanges(by, "change custom fields");
        Object checked = CustomFieldValues.forChange(key, value, configuration.customFields(tenantId), by);
        Object previous = customFields.get(key);
        if (!Objects.equals(previous, checked)) {
            apply(new TicketCustomFieldChanged(ticketId, tenantId, key, previous, checked, by, now()));
        }
    }

    // ---- status ------------------------------------------------------------------------------

    void changeStatus(TicketStatus requested, String label, String resolutionSummary,
                      TicketConfiguration configuration, Actor by) {
        requireNotMerged();
        TicketPermissions.requireStaff(by, "change the status of a ticket");
        TicketStatus target = requested;
        if (label != null) {
            target = configuration.statusOfLabel(tenantId, label).orElseThrow(() -> new Refused(
                    TicketRule.UNKNOWN_STATUS_LABEL, "statusLabel '" + label + "' is not a status of this organisation"));
            if (requested != null && requested != target) {
                throw new Refused(TicketRule.UNKNOWN_STATUS_LABEL,
                        "statusLabel '" + label + "' means " + target + ", not " + requested);
            }
        }
        if (target == null) {
            throw new Refused(TicketRule.ILLEGAL_TRANSITION, "status or statusLabel is required");
        }
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
        if (agent != null && group != null) {
            throw new Refused(TicketRule.AGENT_AND_GROUP_TOGETHER,
                    "agentId and groupId cannot both be set: a ticket goes to one agent or one group");
        }
        if (agent == null && group == null) {
            throw new Refused(TicketRule.AGENT_AND_GROUP_TOGETHER, "agentId or groupId is required");
        }
        boolean assigningSelf = agent != null && agent.equals(by.userId());
        if (!assigningSelf) {
            TicketPermissions.requireLead(by, "assign tickets to others or to groups");
        }
        if (Objects.equals(agent, agentId) && Objects.equals(group, groupId)) {
            return;
        }
        apply(new TicketAssigned(ticketId, tenantId, agent, group, agentId, groupId, by, now()));
    }

    void unassign(Actor by) {
        requireOpenForChanges(by, "unassign a ticket");
        if (agentId == null && groupId == null) {
            return;
        }
        boolean ownTicket = by.userId().equals(agentId);
        if (!ownTicket) {
            TicketPermissions.requireLead(by, "unassign tickets of others");
        }
        apply(new TicketUnassigned(ticketId, tenantId, agentId, groupId, by, now()));
    }

    void escalate(String toGroup, String reason, Actor by) {
        requireOpenForChanges(by, "escalate a ticket");
        if (reason == null || reason.isBlank()) {
            throw new Refused(TicketRule.REASON_REQUIRED, "reason is required to escalate a ticket");
        }
        apply(new TicketEscalated(ticketId, tenantId, escalationLevel + 1, toGroup, reason.strip(), by, now()));
        if (toGroup != null && !toGroup.equals(groupId)) {
            // escalating to a group hands the ticket to that group
            apply(new TicketAssigned(ticketId, tenantId, null, toGroup, agentId, groupId, by, now()));
        }
    }

    // ---- conversation --------------------------------------------------------------------------

    void postMessage(PostMessage message) {
        Actor by = message.context().by();
        requireStillWritable();
        MessagePlacement placement = MessagePlacement.of(message.visibility(), message.threadKind(), by);
        String threadKind = placement.threadKind().wireName();
        String body = RichText.sanitise(message.body());
        if (body.isEmpty()) {
            throw new Refused(TicketRule.BODY_REQUIRED, "body is required and cannot be only markup");
        }
        String threadId = message.threadId() != null ? message.threadId() : threadKind + ":" + ticketId;
        List<String> mentions = TicketPermissions.actsForOrganisation(by) ? Mentions.of(body, message.mentions()) : List.of();
        List<String> attachments = message.attachmentIds() == null ? List.of() : List.copyOf(message.attachmentIds());
        apply(new TicketMessageAdded(ticketId, tenantId, message.messageId(), threadId, threadKind,
                placement.visibility().wireName(), body, mentions, attachments, by, now()));
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
        if (targetTicketId.equals(ticketId)) {
            throw new Refused(TicketRule.CANNOT_MERGE_INTO_ITSELF, "A ticket cannot be merged into itself");
        }
        MergeContent content = new MergeContent(ticketId, number, List.copyOf(conversation), List.copyOf(attachmentIds));
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
        if (otherTicketId.equals(ticketId)) {
            throw new Refused(TicketRule.CANNOT_LINK_TO_ITSELF, "A ticket cannot be linked to itself");
        }
        if (!linkedTickets.contains(otherTicketId)) {
            apply(new TicketLinked(ticketId, tenantId, otherTicketId, relation == null ? "related" : relation, by, now()));
        }
    }

    void rate(String scale, int score, String comment, Actor by) {
        if (!TicketPermissions.isCustomer(by)) {
            throw TicketPermissions.notPermitted(by, "rate a ticket; only its customer can");
        }
        if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
            throw new Refused(TicketRule.NOT_RESOLVED_YET,
                    "Ticket #" + number + " can be rated once it is resolved", Map.of("currentStatus", status.name()));
        }
        boolean valid = "five_point".equals(scale) ? score >= 1 && score <= 5
                : "good_bad".equals(scale) && (score == 0 || score == 1);
        if (!valid) {
            throw new Refused(TicketRule.INVALID_SCORE,
                    "score must be 1-5 on the five_point scale, or 1 (good) / 0 (bad) on the good_bad scale");
        }
        apply(new TicketSatisfactionRated(ticketId, tenantId, scale, score,
                comment == null ? null : comment.strip(), by, now()));
    }

    // ---- rules shared by several commands ----------------------------------------------------

    private void requireOpenForChanges(Actor by, String what) {
        requireNotMerged();
        TicketPermissions.requireStaff(by, what);
        if (status == TicketStatus.CLOSED) {
            throw new Refused(TicketRule.TICKET_CLOSED,
                    "Ticket #" + number + " is closed and cannot change; open a follow-up ticket instead",
                    Map.of("currentStatus", status.name()));
        }
    }

    /** Messages and files may still come in while a ticket is resolved, but not once it is closed or merged. */
    private void requireStillWritable() {
        requireNotMerged();
        if (status == TicketStatus.CLOSED) {
            throw new Refused(TicketRule.TICKET_CLOSED,
                    "Ticket #" + number + " is closed; open a follow-up ticket instead",
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
        subject = event.subject();
        description = event.description();
        status = event.status();
        priority = event.priority();
        categoryId = event.categoryId();
        tags.addAll(event.tags());
        customFields.putAll(event.customFields());
    }

    @EventSourcingHandler
    void on(TicketDetailsChanged event) {
        subject = event.subject();
        description = event.description();
    }

    @EventSourcingHandler
    void on(TicketPriorityChanged event) {
        priority = event.to();
    }

    @EventSourcingHandler
    void on(TicketCategoryChanged event) {
        categoryId = event.to();
    }

    @EventSourcingHandler
    void on(TicketTagsChanged event) {
        tags.clear();
        tags.addAll(event.tags());
    }

    @EventSourcingHandler
    void on(TicketCustomFieldChanged event) {
        if (event.value() == null) {
            customFields.remove(event.key());
        } else {
            customFields.put(event.key(), event.value());
        }
    }

    @EventSourcingHandler
    void on(TicketStatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(TicketAssigned event) {
        agentId = event.agentId();
        groupId = event.groupId();
    }

    @EventSourcingHandler
    void on(TicketUnassigned event) {
        agentId = null;
        groupId = null;
    }

    @EventSourcingHandler
    void on(TicketEscalated event) {
        escalationLevel = event.level();
    }

    @EventSourcingHandler
    void on(TicketMessageAdded event) {
        conversation.add(new MergedMessage(event.messageId(), event.threadId(), event.threadKind(), event.visibility(),
                event.body(), event.by(), event.at(), event.attachmentIds()));
    }

    @EventSourcingHandler
    void on(TicketAttachmentAdded event) {
        attachmentIds.add(event.attachmentId());
    }

    @EventSourcingHandler
    void on(TicketMerged event) {
        mergedInto = event.targetTicketId();
    }

    @EventSourcingHandler
    void on(TicketMergeReceived event) {
        conversation.addAll(event.messages());
        attachmentIds.addAll(event.attachmentIds());
    }

    @EventSourcingHandler
    void on(TicketLinked event) {
        linkedTickets.add(event.linkedTicketId());
    }
}
