package org.autocrm.ticket.ticket;

import java.util.List;
import org.autocrm.events.MergedMessage;

/** What moves from a duplicate ticket to the ticket it is merged into. */
record MergeContent(String sourceTicketId, long sourceNumber, List<MergedMessage> messages, List<String> attachmentIds) {
}
