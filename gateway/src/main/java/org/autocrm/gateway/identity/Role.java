package org.autocrm.gateway.identity;

import java.util.Arrays;
import java.util.Optional;

/** The roles an access token can name; the wire names are the contract ({@code docs/access-tokens.md}). */
public enum Role {
    ADMIN("admin"),
    TEAM_LEAD("team_lead"),
    AGENT("agent"),
    CUSTOMER("customer"),
    API_KEY("api_key");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isStaff() {
        return this == ADMIN || this == TEAM_LEAD || this == AGENT;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName.equals(name)).findFirst();
    }
}
