package org.autocrm.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles an access token names in its {@code roles} claim (docs/access-tokens.md): the only role
 * vocabulary of AutoCRM. Events and tokens carry a role by its {@link #value()}.
 */
public enum Role {
    ADMIN, TEAM_LEAD, AGENT, CUSTOMER,
    /** An integration acting for its organisation; what it may do is decided by its scopes. */
    API_KEY,
    /**
     * An AutoCRM component acting on its own (routing-service's rules, assignment and SLA escalations), signed in
     * by OAuth 2 client credentials at the gateway; it works tickets for the organisation like an API key with
     * every ticket scope, and says why in each change (docs/access-tokens.md).
     */
    AUTOMATION;

    /** The role as tokens, headers and events write it: {@code admin}, {@code team_lead}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role written so, or empty for a role this contract does not (yet) know. */
    public static Optional<Role> of(String value) {
        return Arrays.stream(values()).filter(role -> role.value().equals(value)).findFirst();
    }

    /** Every role as written, for messages that say what is allowed. */
    public static List<String> allValues() {
        return Arrays.stream(values()).map(Role::value).toList();
    }

    /** A person who works for the support organisation: admin, team lead or agent. */
    public boolean isStaff() {
        return this == ADMIN || this == TEAM_LEAD || this == AGENT;
    }

    /**
     * Staff, or an API key acting for the organisation: sees the organisation's side of a ticket
     * (internal notes, every customer) once the key's scope has let it in.
     */
    public boolean actsForOrganisation() {
        return isStaff() || this == API_KEY || this == AUTOMATION;
    }

    /** Admins and team leads: assign others and groups, change priority, see the whole tenant. */
    public boolean leadsTeams() {
        return this == ADMIN || this == TEAM_LEAD;
    }
}
