package org.autocrm.events;

/**
 * Who caused an event.
 *
 * @param userId the user, API key or system component id
 * @param role   {@code admin}, {@code team_lead}, {@code agent}, {@code customer}, {@code api_key} or {@code system}
 */
public record Actor(String userId, String role) {
}
