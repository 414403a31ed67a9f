package org.autocrm.query.live;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.autocrm.query.ticketsearch.AttachmentView;
import org.autocrm.query.ticketsearch.MessageView;
import org.autocrm.query.ticketsearch.TicketDocument;
import org.autocrm.query.ticketsearch.TicketView;

/** The data of the events of {@code GET /api/stream}, by event name. */
public final class StreamEvents {

    public static final String READY = "ready";
    public static final String TICKET = "ticket";
    public static final String TICKET_HIDDEN = "ticket-hidden";
    public static final String RELOAD = "reload";
    public static final String PRESENCE = "presence";

    private StreamEvents() {
    }

    /**
     * {@code event: ready}, first on every stream.
     *
     * @param resumed whether the events after the client's {@code Last-Event-ID} follow (false: only new events)
     */
    public record Ready(boolean resumed) {
    }

    /**
     * {@code event: ticket}: a ticket the caller sees changed. {@code ticket} is the ticket as
     * {@code GET /api/tickets/{id}} now shows it to the caller (at least at {@code sequence}); a new message or file is
     * included as {@code GET /api/tickets/{id}/messages} shows it. A message or file the caller may not read is
     * never sent, nor the event that added it.
     *
     * @param eventId     the event's id on the ticket event stream
     * @param type        the event's type, e.g. {@code autocrm.ticket.assigned.v1}
     * @param sequence    the ticket's version this event made
     * @param by          who caused it
     * @param messages    the messages the event added that the caller may read (a message written, or those a merge
     *                    brought); empty for other events
     * @param attachments the file the event attached; empty for other events
     */
    public record TicketChanged(String eventId, String type, String ticketId, long sequence, @Nullable Instant time,
                                TicketDocument.Person by, TicketView ticket, List<MessageView> messages,
                                List<AttachmentView> attachments) {
    }

    /**
     * {@code event: ticket-hidden}: the ticket was assigned away from the caller, who may no longer see it (drop it
     * from lists).
     */
    public record TicketHidden(String ticketId, long sequence, @Nullable Instant time) {
    }

    /**
     * {@code event: reload}: the stream cannot say what changed (the client was away longer than this service keeps
     * events, or a change could not be shown in time): read again what is on screen.
     */
    public record Reload(String reason) {
    }

    /**
     * {@code event: presence}: someone of the organisation started viewing or typing on a ticket the caller sees,
     * or left it (also when their presence expired).
     *
     * @param name  their display name, when their access token names it
     * @param state {@code viewing}, {@code typing} or {@code left}
     * @param since when they came, or started typing; when they left
     */
    public record PresenceChanged(String ticketId, String userId, @Nullable String name, String state, Instant since) {
    }
}
