package org.autocrm.ticket.ticket;

import java.net.URI;
import org.autocrm.ticket.refusal.Problems;
import org.autocrm.ticket.refusal.Refusal;

/** The rules a ticket command can break; each code is stable, and its kind decides the HTTP status. */
public enum TicketRule implements Refusal {
    SUBJECT_REQUIRED(Kind.INVALID_INPUT, "subject"),
    CUSTOMER_REQUIRED(Kind.INVALID_INPUT, "customerId"),
    BODY_REQUIRED(Kind.INVALID_INPUT, "body"),
    REASON_REQUIRED(Kind.INVALID_INPUT, "reason"),
    INVALID_VISIBILITY(Kind.INVALID_INPUT, "visibility"),
    INVALID_THREAD(Kind.INVALID_INPUT, "threadKind"),
    IDEMPOTENCY_KEY_REUSED(Kind.INVALID_VALUE, "Idempotency-Key"),
    RESOLUTION_SUMMARY_REQUIRED(Kind.INVALID_INPUT, "resolutionSummary"),
    AGENT_AND_GROUP_TOGETHER(Kind.INVALID_INPUT, "agentId"),
    INVALID_SCORE(Kind.INVALID_INPUT, "score"),
    UNKNOWN_PRIORITY(Kind.INVALID_VALUE, "priority"),
    UNKNOWN_CUSTOMER(Kind.INVALID_VALUE, "customerId"),
    UNKNOWN_CATEGORY(Kind.INVALID_VALUE, "categoryId"),
    ARCHIVED_CATEGORY(Kind.INVALID_VALUE, "categoryId"),
    UNKNOWN_STATUS_LABEL(Kind.INVALID_VALUE, "statusLabel"),
    INVALID_CUSTOM_FIELD(Kind.INVALID_VALUE, "customFields"),
    UNKNOWN_TICKET(Kind.INVALID_VALUE, "ticketId"),
    ILLEGAL_TRANSITION(Kind.CONFLICT, "status"),
    TICKET_CLOSED(Kind.CONFLICT, null),
    TICKET_MERGED(Kind.CONFLICT, null),
    NOT_RESOLVED_YET(Kind.CONFLICT, null),
    NOT_CLOSED_YET(Kind.INVALID_VALUE, "followUpOf"),
    CANNOT_MERGE_INTO_ITSELF(Kind.CONFLICT, "targetTicketId"),
    CANNOT_LINK_TO_ITSELF(Kind.CONFLICT, "ticketId"),
    /** The caller's If-Match version is not the ticket's current version: someone else changed it first. */
    STALE_VERSION(Kind.CONFLICT, null),
    NOT_PERMITTED(Kind.FORBIDDEN, null),
    TICKET_NOT_FOUND(Kind.NOT_FOUND, null);

    private final Kind kind;
    private final String field;

    TicketRule(Kind kind, String field) {
        this.kind = kind;
        this.field = field;
    }

    private static final URI RULE_BROKEN = URI.create("https://autocrm.org/problems/ticket-rule");

    @Override
    public Kind kind() {
        return kind;
    }

    /** The request field the rule is about, or null when it is about the ticket as a whole. */
    @Override
    public String field() {
        return field;
    }

    @Override
    public URI type() {
        return this == STALE_VERSION ? Problems.STALE_VERSION : RULE_BROKEN;
    }

    @Override
    public String title() {
        if (this == STALE_VERSION) {
            return "Changed by someone else";
        }
        return switch (kind) {
            case INVALID_INPUT, INVALID_VALUE -> "Invalid request";
            case CONFLICT -> "The ticket cannot do that now";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            default -> throw new IllegalStateException(kind + " is not a kind of ticket rule");
        };
    }
}
