package org.autocrm.query.ticketsearch;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.query.sla.SlaView;
import org.autocrm.access.Caller;
import org.autocrm.query.customfields.CustomerVisibleFields;

/**
 * A ticket as the read API shows it; {@code version} is the sequence of the last change. {@code sla} is null when no
 * SLA policy applies to the ticket, and always for customers.
 */
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
        @Schema(description = "Custom field values by field key. Customers get only the fields the tenant shows "
                + "customers (not the agent-only ones), and none while the service is still reading the field "
                + "definitions after a start")
        Map<String, Object> customFields,
        @Nullable String language,
        int escalationLevel,
        int publicMessages,
        @Schema(description = "Non-public notes the caller may read: internal notes for staff and API keys, "
                + "admin-only notes too for admins; 0 for customers")
        int internalMessages,
        int attachments,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable String mergedInto,
        @Nullable Integer satisfactionScore,
        @Nullable String satisfactionScale,
        @Nullable String company,
        @Nullable String tier,
        @Nullable SlaView sla) {

    /**
     * The ticket as this caller may see it (the only way a view is made, see {@link TicketVisibility}): customers
     * learn nothing about internal notes and get no agent-only custom field; {@code internalMessages} counts the
     * non-public notes the caller may read (admin-only notes for admins only).
     */
    static TicketView of(TicketDocument d, Caller caller, CustomerVisibleFields customerVisible) {
        int notes = (TicketVisibility.readsMessage(caller, TicketVisibility.INTERNAL) ? d.internalMessages() : 0)
                + (TicketVisibility.readsMessage(caller, TicketVisibility.ADMIN_ONLY) ? d.adminMessages() : 0);
        return new TicketView(d.ticketId(), d.number(), d.subject(), d.description(), d.customerId(), d.priority(),
                d.status(), d.channel(), d.createdBy(), d.createdAt(), d.updatedAt(), d.lastSequence(),
                d.statusLabel(), d.agentId(), d.groupId(), d.categoryId(), d.tags() == null ? List.of() : d.tags(),
                TicketVisibility.customFields(caller, d, customerVisible), d.language(), d.escalationLevel(),
                d.publicMessages(), notes, d.attachments(), d.firstResponseAt(), d.resolvedAt(),
                d.closedAt(), d.mergedInto(), d.satisfactionScore(), d.satisfactionScale(), d.company(), d.tier(),
                caller.role().actsForOrganisation() ? SlaView.of(d.sla(), Instant.now()) : null);
    }
}
