package org.autocrm.events;

/**
 * Who caused an event.
 *
 * @param userId the user, API key or system component id
 * @param role   {@code admin}, {@code team_lead}, {@code agent}, {@code customer}, {@code api_key},
 *               {@code automation} or {@code system}
 * @param reason why an automation (role {@code automation}) made the change, as it said in the
 *               {@code AutoCRM-Reason} header ({@code rule:<ruleId>}, {@code round_robin}, {@code sla_breach:<policyId>}, ...);
 *               null for every other actor, and in events written before it existed
 */
public record Actor(String userId, String role, String reason) {

    /** An actor that gives no reason: every caller but an automation. */
    public Actor(String userId, String role) {
        this(userId, role, null);
    }
}
