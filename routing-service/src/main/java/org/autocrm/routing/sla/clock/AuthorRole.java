package org.autocrm.routing.sla.clock;

/** Who wrote a message, as the ticket events' {@code Actor.role} names it ({@code team_lead} is TEAM_LEAD). */
public enum AuthorRole {
    ADMIN, TEAM_LEAD, AGENT, CUSTOMER, API_KEY, SYSTEM;

    /**
     * Whether a public message by this author answers the customer. An integration writing with an API key answers
     * on the team's behalf; a message the system writes by itself (an automatic acknowledgement) answers nothing.
     */
    boolean answersCustomer() {
        return this == ADMIN || this == TEAM_LEAD || this == AGENT || this == API_KEY;
    }
}
