package org.autocrm.ticket.ticket.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.autocrm.events.TicketStatus;

/** The request bodies of the ticket write API. */
final class TicketRequests {

    private TicketRequests() {
    }

    /** Open a ticket. Priority defaults to MEDIUM, channel to api. */
    record OpenTicket(
            @NotBlank @Size(max = 200) String subject,
            @Size(max = 100_000) String description,
            @NotBlank @Size(max = 100) String customerId,
            String priority,
            String channel,
            @Size(max = 35) String language,
            @Size(max = 100) String categoryId,
            @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 100) Map<String, Object> customFields,
            @Size(max = 100) String followUpOf) {
    }

    /** Edit a ticket; absent parts stay as they are. */
    record EditTicket(
            @Size(min = 1, max = 200) String subject,
            @Size(max = 100_000) String description,
            String priority,
            @Size(max = 100) String categoryId,
            @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 100) Map<String, Object> customFields) {
    }

    record ChangeStatus(TicketStatus status, @Size(max = 100) String statusLabel,
                        @Size(max = 10_000) String resolutionSummary) {
    }

    /** Assign to one agent or one group; {@code "agentId": "me"} assigns the caller. */
    record Assign(@Size(max = 100) String agentId, @Size(max = 100) String groupId) {
    }

    record Escalate(@Size(max = 100) String groupId, @NotBlank @Size(max = 2_000) String reason) {
    }

    /** A public reply (default), an internal note or an admin-only note. */
    record Respond(
            @NotBlank @Size(max = 100_000) String body,
            String visibility,
            String threadKind,
            @Size(max = 100) String threadId,
            @Size(max = 50) List<String> mentions,
            @Size(max = 20) List<String> attachmentIds) {
    }

    record Merge(@NotBlank @Size(max = 100) String targetTicketId) {
    }

    record Link(@NotBlank @Size(max = 100) String ticketId, String relation) {
    }

    record Rate(@NotBlank String scale, @NotNull @Min(0) @Max(5) Integer score, @Size(max = 2_000) String comment) {
    }
}
