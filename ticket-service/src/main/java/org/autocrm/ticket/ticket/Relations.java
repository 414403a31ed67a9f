package org.autocrm.ticket.ticket;

import org.autocrm.ticket.refusal.Refused;

/**
 * How tickets relate: a duplicate is merged into another ticket, which takes over its conversation
 * and attachments while the duplicate is closed ({@link StatusTransitions#mergedAway}) and points to
 * where it went; related tickets are linked both ways. A ticket is never merged into or linked to
 * itself, and a link that names no relation is {@value #DEFAULT_RELATION}.
 */
final class Relations {

    static final String DEFAULT_RELATION = "related";

    private Relations() {
    }

    static void requireMergeable(String ticketId, String targetTicketId) {
        if (targetTicketId.equals(ticketId)) {
            throw new Refused(TicketRule.CANNOT_MERGE_INTO_ITSELF, "A ticket cannot be merged into itself");
        }
    }

    /** The relation a link from {@code ticketId} to {@code otherTicketId} records. */
    static String linkRelation(String ticketId, String otherTicketId, String relation) {
        if (otherTicketId.equals(ticketId)) {
            throw new Refused(TicketRule.CANNOT_LINK_TO_ITSELF, "A ticket cannot be linked to itself");
        }
        return relation == null ? DEFAULT_RELATION : relation;
    }
}
