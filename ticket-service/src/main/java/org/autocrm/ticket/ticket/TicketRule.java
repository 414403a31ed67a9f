package org.autocrm.ticket.ticket;

/** The rules a ticket command can break; each code is stable, and its kind decides the HTTP status. */
public enum TicketRule {
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
    NOT_PERMITTED(Kind.FORBIDDEN, null),
    TICKET_NOT_FOUND(Kind.NOT_FOUND, null);

    /** What sort of refusal it is; the web layer maps each kind to one status code. */
    public enum Kind {
        /** malformed or missing input (400) */
        INVALID_INPUT,
        /** well-formed input the tenant's configuration or data does not accept (422) */
        INVALID_VALUE,
        /** the ticket's current state does not allow it (409) */
        CONFLICT,
        /** the caller's role does not allow it (403) */
        FORBIDDEN,
        /** no such ticket for this caller (404) */
        NOT_FOUND
    }

    private final Kind kind;
    private final String field;

    TicketRule(Kind kind, String field) {
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field the rule is about, or null when it is about the ticket as a whole. */
    public String field() {
        return field;
    }
}
