package org.autocrm.routing.assignment;

import java.util.Set;

/**
 * What a ticket asks of the agent who gets it; used only where the group matches skills or languages.
 *
 * @param language the ticket's language (e.g. {@code de}), or null for any
 */
public record TicketNeeds(Set<String> skills, String language) {

    public TicketNeeds {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
    }

    public static TicketNeeds none() {
        return new TicketNeeds(Set.of(), null);
    }
}
