package org.autocrm.query.ticketsearch;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A ticket as the read API shows it; {@code version} is the sequence of the last change. */
public record TicketView(
        String ticketId,
        long number,
        String subject,
        String description,
        String customerId,
        String priority,
        String status,
        String channel,
        TicketDocument.Person createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Nullable String statusLabel,
        @Nullable String agentId,
        @Nullable String groupId,
        @Nullable String categoryId,
        List<String> tags,
        Map<String, Object> customFields,
        @Nullable String language,
        int escalationLevel,
        int publicMessages,
        int internalMessages,
        int attachments,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable String mergedInto,
        @Nullable Integer satisfactionScore,
        @Nullable String satisfactionScale,
        @Nullable String company,
        @Nullable String tier) {

    /** The ticket as this caller may see it: customers learn nothing about internal notes. */
    static TicketView of(TicketDocument d, org.autocrm.access.Caller caller) {
        TicketView view = of(d);
        return TicketVisibility.readsMessage(caller, TicketVisibility.INTERNAL) ? view : view.withoutInternalMessages();
    }

    private TicketView withoutInternalMessages() {
        return new TicketView(ticketId, number, subject, description, customerId, priority, status, channel,
                createdBy, createdAt, updatedAt, version, statusLabel, agentId, groupId, categoryId, tags,
                customFields, language, escalationLevel, publicMessages, 0, attachments, firstResponseAt,
                resolvedAt, closedAt, mergedInto, satisfactionScore, satisfactionScale, company, tier);
    }

    static TicketView of(TicketDocument d) {
        return new TicketView(d.ticketId(), d.number(), d.subject(), d.description(), d.customerId(), d.priority(),
                d.status(), d.channel(), d.createdBy(), d.createdAt(), d.updatedAt(), d.lastSequence(),
                d.statusLabel(), d.agentId(), d.groupId(), d.categoryId(), d.tags() == null ? List.of() : d.tags(),
                d.customFields() == null ? Map.of() : d.customFields(), d.language(), d.escalationLevel(),
                d.publicMessages(), d.internalMessages(), d.attachments(), d.firstResponseAt(), d.resolvedAt(),
                d.closedAt(), d.mergedInto(), d.satisfactionScore(), d.satisfactionScale(), d.company(), d.tier());
    }
}
