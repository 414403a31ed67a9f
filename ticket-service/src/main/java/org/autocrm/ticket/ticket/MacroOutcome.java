package org.autocrm.ticket.ticket;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * What applying a macro did, or (previewed) would do.
 *
 * @param version    the ticket's version after it (unchanged when previewed)
 * @param messageId  the message posted, null when previewed
 * @param body       the body with its placeholders filled in
 * @param visibility {@code public} for a reply, {@code internal} for a note
 * @param changes    each change to the ticket besides the message, in the order they are made; what the ticket
 *                   has already is left out
 */
public record MacroOutcome(String ticketId, long version, boolean applied, @Nullable String messageId, String body,
                           String visibility, List<MacroChange> changes) {

    /**
     * One change: {@code kind} is priority, addTag, removeTag, agent, group or status; {@code from} is the value
     * before (null for a tag or when there was none), {@code to} the value after.
     */
    public record MacroChange(String kind, @Nullable String from, String to) {
    }
}
