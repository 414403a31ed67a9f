package org.autocrm.query.ticketsearch;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One message of a ticket's conversation as a caller may read it.
 *
 * @param visibility {@code public} (the customer sees it), {@code internal} (staff) or {@code admin_only} (admins)
 * @param threadKind {@code external} (with the customer) or {@code internal} (between team members)
 * @param mentions   user ids mentioned with @; empty when none
 * @param author     who wrote it: user id and role ({@code admin}, {@code team_lead}, {@code agent},
 *                   {@code customer}, {@code api_key} or {@code system})
 * @param mergedFromTicketId the ticket it was written on, when it came with a merge
 * @param mergedFromNumber   that ticket's number
 */
public record MessageView(
        String messageId,
        String threadId,
        String threadKind,
        String visibility,
        String body,
        List<String> mentions,
        TicketDocument.Person author,
        Instant at,
        List<AttachmentView> attachments,
        @Nullable String mergedFromTicketId,
        @Nullable Long mergedFromNumber) {
}
