package org.autocrm.ticket.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autocrm.events.MergedMessage;
import org.autocrm.events.PublishedEvent;
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

/** Folds a ticket's events, in order, into what the ticket looked like after the last of them. */
final class TicketReplay {

    private String ticketId;
    private long number;
    private String subject;
    private String description;
    private String customerId;
    private String priority;
    private TicketStatus status;
    private String statusLabel;
    private String resolutionSummary;
    private String channel;
    private String language;
    private String categoryId;
    private List<String> tags = List.of();
    private final Map<String, Object> customFields = new LinkedHashMap<>();
    private String agentId;
    private String groupId;
    private int escalationLevel;
    private final List<TicketAsOf.Message> messages = new ArrayList<>();
    private final List<TicketAsOf.Attachment> attachments = new ArrayList<>();
    private final List<String> linkedTickets = new ArrayList<>();
    private String mergedInto;
    private TicketAsOf.Rating satisfaction;
    private Instant createdAt;
    private Instant updatedAt;
    private long version = -1;

    void apply(PublishedEvent event, long sequence) {
        version = sequence;
        updatedAt = event.at();
        if (event instanceof TicketCreated e) {
            ticketId = e.ticketId();
            number = e.number();
            subject = e.subject();
            description = e.description();
            customerId = e.customerId();
            priority = e.priority();
            status = e.status();
            channel = e.channel();
            language = e.language();
            categoryId = e.categoryId();
            tags = e.tags();
            customFields.putAll(e.customFields());
            createdAt = e.at();
        } else if (event instanceof TicketDetailsChanged e) {
            subject = e.subject() != null ? e.subject() : subject;
            description = e.description() != null ? e.description() : description;
        } else if (event instanceof TicketStatusChanged e) {
            status = e.to();
            statusLabel = e.statusLabel();
            resolutionSummary = e.to() == TicketStatus.RESOLVED ? e.resolutionSummary() : resolutionSummary;
        } else if (event instanceof TicketPriorityChanged e) {
            priority = e.to();
        } else if (event instanceof TicketAssigned e) {
            agentId = e.agentId();
            groupId = e.groupId();
        } else if (event instanceof TicketUnassigned e) {
            agentId = null;
            groupId = null;
        } else if (event instanceof TicketEscalated e) {
            escalationLevel = e.level();
        } else if (event instanceof TicketMessageAdded e) {
            messages.add(new TicketAsOf.Message(e.messageId(), e.threadId(),
                    e.threadKind(), e.visibility(), e.body(), e.mentions(), e.attachmentIds(), e.by(), e.at()));
        } else if (event instanceof TicketAttachmentAdded e) {
            attachments.add(new TicketAsOf.Attachment(e.attachmentId(),
                    e.messageId(), e.fileName(), e.contentType(), e.size(), e.sha256()));
        } else if (event instanceof TicketCategoryChanged e) {
            categoryId = e.to();
        } else if (event instanceof TicketTagsChanged e) {
            tags = e.tags();
        } else if (event instanceof TicketCustomFieldChanged e) {
            if (e.value() == null) {
                customFields.remove(e.key());
            } else {
                customFields.put(e.key(), e.value());
            }
        } else if (event instanceof TicketMerged e) {
            mergedInto = e.targetTicketId();
        } else if (event instanceof TicketMergeReceived e) {
            for (MergedMessage m : e.messages()) {
                messages.add(new TicketAsOf.Message(m.messageId(), m.threadId(), m.threadKind(), m.visibility(),
                        m.body(), List.of(), m.attachmentIds(), m.by(), m.at()));
            }
        } else if (event instanceof TicketLinked e) {
            linkedTickets.add(e.linkedTicketId());
        } else if (event instanceof TicketSatisfactionRated e) {
            satisfaction = new TicketAsOf.Rating(e.scale(), e.score(), e.comment(),
                    e.at());
        }
    }

    /**
     * A file is read with what it belongs to: one of a message (attached to it, or referred to by it) only by those
     * who may read such a message; one of the ticket itself by every reader of the ticket.
     */
    private boolean readable(TicketAsOf.Attachment attachment, List<TicketAsOf.Message> visible) {
        boolean ofAMessage = attachment.messageId() != null
                || messages.stream().anyMatch(m -> attachmentIdsOf(m).contains(attachment.attachmentId()));
        return !ofAMessage || visible.stream().anyMatch(m -> m.messageId().equals(attachment.messageId())
                || attachmentIdsOf(m).contains(attachment.attachmentId()));
    }

    private static List<String> attachmentIdsOf(TicketAsOf.Message message) {
        return message.attachmentIds() == null ? List.of() : message.attachmentIds();
    }

    boolean isEmpty() {
        return version < 0;
    }

    /** The ticket as a reader sees it: without the messages whose visibility is hidden from them. */
    TicketAsOf result(Instant asOf, java.util.Set<String> hiddenVisibilities, java.util.Set<String> hiddenFields) {
        Map<String, Object> fields = new LinkedHashMap<>(customFields);
        fields.keySet().removeAll(hiddenFields);
        List<TicketAsOf.Message> visible = messages.stream()
                .filter(m -> !hiddenVisibilities.contains(m.visibility())).toList();
        List<TicketAsOf.Attachment> readable = attachments.stream().filter(a -> readable(a, visible)).toList();
        return new TicketAsOf(ticketId, number, subject, description, customerId, priority, status, statusLabel,
                resolutionSummary, channel, language, categoryId, List.copyOf(tags), Map.copyOf(fields), agentId,
                groupId, escalationLevel, visible, readable, List.copyOf(linkedTickets), mergedInto,
                satisfaction, createdAt, updatedAt, version, asOf);
    }
}
