package org.autocrm.routing.sla.clock;

/** Who can read a message, as {@code TicketMessageAdded.visibility} names it ({@code admin_only} is ADMIN_ONLY). */
public enum Visibility {
    PUBLIC, INTERNAL, ADMIN_ONLY
}
